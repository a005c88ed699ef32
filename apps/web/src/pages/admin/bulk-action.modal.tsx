import { Alert, Form, Input, List, Modal, Spin, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { adminErrorMessage } from './admin-labels';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

/** What a bulk action's dry run and real run answer (the server's `Bulk…Dto`s), as the modal lists it. */
export interface BulkPreview {
  total: number;
  items: { key: string; instanceId: string; label: ReactNode }[];
  done: number;
  failed: number;
}

/**
 * A bulk action by filter, dry run first (issue 19 item 4): on opening, `run(reason, true)` answers
 * what would change and nothing changes; the administrator gives a reason and confirms, then
 * `run(reason, false)` acts on those.
 */
export function BulkActionModal(props: {
  action: {
    title: string;
    verb: string;
    noun: string;
    run(reason: string, dryRun: boolean): Promise<BulkPreview>;
  } | null;
  onClose(): void;
  onDone(result: BulkPreview): void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [preview, setPreview] = useState<BulkPreview | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { action } = props;

  useEffect(() => {
    form.resetFields();
    setPreview(null);
    setError(null);
    if (!action) return;
    let stale = false;
    action.run('xem trước', true).then(
      (answer) => !stale && setPreview(answer),
      (cause: unknown) => !stale && setError(adminErrorMessage(cause)),
    );
    return () => {
      stale = true;
    };
  }, [action, form]);

  const submit = async ({ reason }: { reason: string }) => {
    if (!action) return;
    setSaving(true);
    try {
      props.onDone(await action.run(reason.trim(), false));
    } catch (cause) {
      setError(adminErrorMessage(cause));
    } finally {
      setSaving(false);
    }
  };

  const count = preview?.items.length ?? 0;
  return (
    <Modal
      open={action !== null}
      title={action?.title}
      okText={count ? `${action?.verb} ${count} ${action?.noun}` : 'Không có gì để thực hiện'}
      okButtonProps={{
        danger: true,
        disabled: !count,
        ...({ 'data-testid': 'bulk-submit' } as Record<`data-${string}`, string>),
      }}
      cancelText="Đóng"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
      width={640}
    >
      {!preview && !error && <Spin />}
      {preview && (
        <>
          <Typography.Paragraph data-testid="bulk-preview-count">
            {preview.total === 0
              ? `Không có ${action?.noun} nào khớp bộ lọc.`
              : preview.total > count
                ? `Có ${preview.total} ${action?.noun} khớp bộ lọc; lần này thực hiện ${count} ${action?.noun} đầu tiên, chạy lại để tiếp tục.`
                : `Sẽ ${action?.verb.toLowerCase()} ${count} ${action?.noun} dưới đây (xem trước, chưa có gì thay đổi).`}
          </Typography.Paragraph>
          {count > 0 && (
            <List
              size="small"
              bordered
              style={{ maxHeight: 240, overflow: 'auto', marginBottom: 16 }}
              dataSource={preview.items}
              renderItem={(item) => (
                <List.Item key={item.key} data-testid="bulk-preview-item">
                  <Link to={`/admin/phien/${item.instanceId}`} target="_blank">
                    {item.label}
                  </Link>
                </List.Item>
              )}
            />
          )}
          {count > 0 && (
            <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
              <Form.Item
                label="Lý do"
                name="reason"
                rules={[{ required: true, whitespace: true, message: 'Nhập lý do (được ghi vào nhật ký hệ thống)' }]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 4 }}
                  maxLength={FIELD_LIMITS.reason}
                  data-testid="bulk-reason"
                />
              </Form.Item>
            </Form>
          )}
        </>
      )}
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
