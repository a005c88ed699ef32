import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { adminErrorMessage } from './admin-labels';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

/** Asks why a retry is made now (kept in the audit trail), then runs it. */
export function RetryReasonModal(props: {
  target: { title: string; retry(reason: string): Promise<unknown> } | null;
  onClose(): void;
  onDone(): void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = props.target !== null;
  useEffect(() => {
    form.resetFields();
    setError(null);
  }, [open, form]);

  const submit = async ({ reason }: { reason: string }) => {
    setSaving(true);
    try {
      await props.target?.retry(reason.trim());
      props.onDone();
    } catch (cause) {
      setError(adminErrorMessage(cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={props.target?.title}
      okText="Thử lại"
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={props.onClose}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'retry-submit' } as Record<`data-${string}`, string>}
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          label="Lý do thử lại"
          name="reason"
          rules={[{ required: true, whitespace: true, message: 'Nhập lý do (được ghi vào nhật ký hệ thống)' }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={FIELD_LIMITS.reason}
            placeholder="Ví dụ: hệ thống đăng ký đã hoạt động lại"
            data-testid="retry-reason"
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
