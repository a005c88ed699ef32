import { App, Button, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { formatDateTime } from '../inbox/due-state';
import { BulkActionModal, type BulkPreview } from './bulk-action.modal';
import { operationsApi } from './operations.api';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

interface CancelFilter {
  definitionKey: string;
  version?: number;
  elementId?: string;
  q?: string;
}

/** Hủy hàng loạt: the running instances of one process a filter finds, cancelled after a dry run. */
export function BulkCancelTab() {
  const { message } = App.useApp();
  const [form] = Form.useForm<CancelFilter>();
  const [filter, setFilter] = useState<CancelFilter | null>(null);
  const blank = (text?: string) => text?.trim() || undefined;

  return (
    <>
      <Typography.Paragraph type="secondary">
        Chọn quy trình (và nếu cần: phiên bản, bước đang dừng, mã hồ sơ). Hệ thống cho xem trước danh sách phiên sẽ bị
        hủy; chưa có gì thay đổi cho đến khi bạn xác nhận.
      </Typography.Paragraph>
      <Form
        form={form}
        layout="inline"
        onFinish={(values) =>
          setFilter({
            definitionKey: values.definitionKey.trim(),
            version: values.version ?? undefined,
            elementId: blank(values.elementId),
            q: blank(values.q),
          })
        }
        requiredMark={false}
      >
        <Form.Item
          name="definitionKey"
          label="Mã quy trình"
          rules={[{ required: true, whitespace: true, message: 'Nhập mã quy trình' }]}
        >
          <Input maxLength={FIELD_LIMITS.code} style={{ width: 200 }} data-testid="bulk-cancel-key" />
        </Form.Item>
        <Form.Item name="version" label="Phiên bản">
          <InputNumber min={1} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="elementId" label="Mã bước đang dừng">
          <Input maxLength={FIELD_LIMITS.code} style={{ width: 180 }} data-testid="bulk-cancel-element" />
        </Form.Item>
        <Form.Item name="q" label="Mã hồ sơ">
          <Input maxLength={FIELD_LIMITS.search} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button danger htmlType="submit" data-testid="bulk-cancel-preview">
              Xem trước để hủy
            </Button>
          </Space>
        </Form.Item>
      </Form>
      <BulkActionModal
        action={
          filter && {
            title: `Hủy các phiên đang chạy của quy trình ${filter.definitionKey}`,
            verb: 'Hủy',
            noun: 'phiên',
            run: (reason, dryRun) => operationsApi.bulkCancel({ ...filter, dryRun, reason }).then(bulkCancelPreview),
          }
        }
        onClose={() => setFilter(null)}
        onDone={(result) => {
          if (result.failed)
            message.warning(
              `Đã hủy ${result.done} phiên; ${result.failed} phiên không hủy được (đã kết thúc hoặc đang được cập nhật).`,
            );
          else message.success(`Đã hủy ${result.done} phiên xử lý`);
          setFilter(null);
        }}
      />
    </>
  );
}

function bulkCancelPreview(answer: Awaited<ReturnType<typeof operationsApi.bulkCancel>>): BulkPreview {
  return {
    total: answer.total,
    done: answer.cancelled,
    failed: answer.failed.length,
    items: answer.items.map((x) => ({
      key: x.id,
      instanceId: x.id,
      label: `${x.businessKey ?? 'Không có hồ sơ'} — phiên bản ${x.version}, bắt đầu ${formatDateTime(x.startedAt)}${x.status === 'incident' ? ' (có sự cố)' : ''}`,
    })),
  };
}
