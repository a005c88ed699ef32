import { App, Button, Descriptions, Form, Input, Modal, Radio } from 'antd';
import { useEffect, useState } from 'react';
import type { Task } from '../../api/api.types';
import { completeTask } from '../../api/tasks.api';
import { reportError } from '../../api/report-error';

type Outcome = 'approved' | 'rejected';

interface CompleteForm {
  outcome: Outcome;
  note?: string;
}

interface Props {
  task: Task | null;
  onClose(): void;
  onCompleted(): void;
}

/**
 * Hoàn thành: the officer must choose an outcome explicitly (no default approval) and give a
 * reason when refusing. Sent as process variables `approved` and `note`.
 */
export function CompleteTaskModal({ task, onClose, onCompleted }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<CompleteForm>();
  const [submitting, setSubmitting] = useState(false);
  const outcome = Form.useWatch('outcome', form);

  useEffect(() => {
    if (task) form.resetFields();
  }, [task, form]);

  const submit = async () => {
    if (!task) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const note = values.note?.trim();
    setSubmitting(true);
    try {
      await completeTask(task.id, { approved: values.outcome === 'approved', ...(note ? { note } : {}) });
      message.success('Đã hoàn thành bước xử lý.');
      onCompleted();
    } catch (cause) {
      reportError(message, cause);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={task !== null}
      title="Hoàn thành bước xử lý"
      onCancel={onClose}
      destroyOnHidden
      maskClosable={!submitting}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={submitting} data-testid="complete-cancel">
          Hủy
        </Button>,
        <Button key="ok" type="primary" onClick={submit} loading={submitting} data-testid="complete-confirm">
          Xác nhận hoàn thành
        </Button>,
      ]}
    >
      {task && (
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="Mã hồ sơ">{task.businessKey ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="Bước xử lý">{task.name}</Descriptions.Item>
        </Descriptions>
      )}
      <Form<CompleteForm> form={form} layout="vertical" requiredMark={false}>
        <Form.Item label="Kết quả xử lý" name="outcome" rules={[{ required: true, message: 'Vui lòng chọn kết quả xử lý' }]}>
          <Radio.Group optionType="button" buttonStyle="solid">
            <Radio.Button value="approved">
              <span data-testid="outcome-approved">Đồng ý</span>
            </Radio.Button>
            <Radio.Button value="rejected">
              <span data-testid="outcome-rejected">Không đồng ý</span>
            </Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          label={outcome === 'rejected' ? 'Lý do không đồng ý' : 'Ghi chú / ý kiến xử lý'}
          name="note"
          rules={[{ required: outcome === 'rejected', whitespace: true, message: 'Vui lòng nêu lý do không đồng ý' }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount data-testid="complete-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
