import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Select,
  Typography,
  type FormRule,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import type { Task } from '../../api/api.types';
import { completeTask, COMPLETION_ERROR_MESSAGES } from '../../api/tasks.api';
import { reportError } from '../../api/report-error';
import { EarlierOpinions, StepAttachments, type AttachedFile } from './completion-opinion.parts';
import {
  completionVariables,
  isRequired,
  isShown,
  opinionNeeds,
  readTaskForm,
  type FormField,
  type FormOutcome,
  type TaskForm,
} from './task-form';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

interface Props {
  task: Task | null;
  onClose(): void;
  onCompleted(): void;
}

/**
 * Hoàn thành: the step's own form (`mc:form`): its outcomes as buttons, its fields, one opinion
 * box (ý kiến xử lý) and the files attached to the step; above them, every opinion written on
 * the dossier so far, newest first. The officer must choose an outcome explicitly (none is
 * preselected unless it is the only one); what an outcome requires (a reason to send back, a
 * file) must be given — the server checks it again (OPINION_REQUIRED, ATTACHMENT_REQUIRED).
 */
export function CompleteTaskModal({ task, onClose, onCompleted }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Record<string, unknown>>();
  const [submitting, setSubmitting] = useState(false);
  const definition = useMemo(() => readTaskForm(task?.form), [task]);
  const outcomeKey = Form.useWatch('outcome', form) as string | undefined;
  const outcome = definition.outcomes.find((o) => o.key === outcomeKey);
  const [attached, setAttached] = useState<AttachedFile[]>([]);
  const [attachError, setAttachError] = useState<string | null>(null);
  const needs = opinionNeeds(definition, outcome);

  useEffect(() => {
    if (!task) return;
    form.resetFields();
    setAttached([]);
    setAttachError(null);
    if (definition.outcomes.length === 1) form.setFieldValue('outcome', definition.outcomes[0].key);
  }, [task, form, definition]);

  const submit = async () => {
    if (!task) return;
    const values = await form.validateFields().catch(() => null);
    const chosen = definition.outcomes.find((o) => o.key === values?.outcome);
    // Read from the store, as the fields' rules do: the watched outcome may lag a fast click.
    const missingFile = opinionNeeds(definition, chosen).attachments && attached.length === 0;
    setAttachError(missingFile ? 'Vui lòng đính kèm ít nhất một tệp cho kết quả này.' : null);
    if (!values || missingFile) return;
    const { opinion, ...fields } = values;
    const plain = Object.fromEntries(
      Object.entries(fields).map(([key, value]) => [key, isDayjs(value) ? value.toDate() : value]),
    );
    setSubmitting(true);
    try {
      await completeTask(task.id, completionVariables(definition, chosen, plain), {
        opinion: typeof opinion === 'string' ? opinion : undefined,
        attachments: attached.map((f) => f.id),
      });
      message.success(chosen ? `Đã hoàn thành bước xử lý: ${chosen.label}.` : 'Đã hoàn thành bước xử lý.');
      onCompleted();
    } catch (cause) {
      const known = cause instanceof ApiError ? COMPLETION_ERROR_MESSAGES[cause.code] : undefined;
      if (known) message.error(known);
      else reportError(message, cause);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Modal
      open={task !== null}
      title="Hoàn thành bước xử lý"
      width={640}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={!submitting}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={submitting} data-testid="complete-cancel">
          Hủy
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={outcome?.danger}
          onClick={submit}
          loading={submitting}
          data-testid="complete-confirm"
        >
          {outcome ? `Xác nhận: ${outcome.label}` : 'Xác nhận hoàn thành'}
        </Button>,
      ]}
    >
      {task && (
        <Descriptions size="small" column={1} style={{ marginBottom: 16 }}>
          <Descriptions.Item label="Mã hồ sơ">
            {task.businessKey ? (
              <Link
                to={`/ho-so/${encodeURIComponent(task.businessKey)}`}
                target="_blank"
                data-testid="complete-dossier-link"
              >
                {task.businessKey}
              </Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="Bước xử lý">{task.name}</Descriptions.Item>
        </Descriptions>
      )}
      {task && <EarlierOpinions taskId={task.id} />}
      <Form form={form} layout="vertical" requiredMark={false}>
        {definition.outcomes.length > 0 && (
          <Form.Item
            label="Kết quả xử lý"
            name="outcome"
            rules={[{ required: true, message: 'Vui lòng chọn kết quả xử lý' }]}
          >
            <Radio.Group optionType="button" buttonStyle="solid">
              {definition.outcomes.map((o) => (
                <Radio.Button key={o.key} value={o.key}>
                  <span data-testid={`outcome-${o.key}`}>{o.label}</span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
        )}
        {definition.fields
          .filter((field) => isShown(field, outcome))
          .map((field) => (
            <FieldItem
              key={field.key}
              field={field}
              outcomes={definition.outcomes}
              shownRequired={isRequired(field, outcome)}
            />
          ))}
        <OpinionItem definition={definition} shownRequired={needs.opinion} />
        {task?.businessKey && (
          <Form.Item
            label={needs.attachments ? 'Tệp đính kèm (bắt buộc)' : 'Tệp đính kèm'}
            validateStatus={attachError ? 'error' : undefined}
            help={attachError ?? undefined}
          >
            <StepAttachments
              dossierCode={task.businessKey}
              taskId={task.id}
              files={attached}
              onChange={(files) => {
                setAttached(files);
                if (files.length) setAttachError(null);
              }}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** The one opinion box of every step: its label and whether it is required come from the form and the chosen outcome. */
function OpinionItem({ definition, shownRequired }: { definition: TaskForm; shownRequired: boolean }) {
  const label = definition.opinion.label;
  const rules: FormRule[] = [
    ({ getFieldValue }) => ({
      required: opinionNeeds(
        definition,
        definition.outcomes.find((o) => o.key === getFieldValue('outcome')),
      ).opinion,
      whitespace: true,
      message: `Vui lòng nhập ${label.toLowerCase()}`,
    }),
  ];
  return (
    <Form.Item
      name="opinion"
      rules={rules}
      dependencies={['outcome']}
      label={
        <span>
          {shownRequired ? `${label} (bắt buộc)` : label}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
            — lưu cùng bước, hiện cho cán bộ xử lý sau và trên phiếu kiểm soát; không hiện cho công dân
          </Typography.Text>
        </span>
      }
    >
      <Input.TextArea rows={3} maxLength={FIELD_LIMITS.reason} showCount data-testid="complete-note" />
    </Form.Item>
  );
}

function isDayjs(value: unknown): value is Dayjs {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Dayjs).toDate === 'function' &&
    typeof (value as Dayjs).isValid === 'function'
  );
}

/**
 * One field of the form; whether it is required may come from the chosen outcome. The rule reads
 * the outcome from the form's store when it validates: the watched `outcome` is only re-rendered a
 * task later, and a busy browser handles a queued click on Xác nhận before that (issue 15: a send
 * back without its reason went through).
 */
function FieldItem({
  field,
  outcomes,
  shownRequired,
}: {
  field: FormField;
  outcomes: FormOutcome[];
  shownRequired: boolean;
}) {
  const testId = `field-${field.key}`;
  const rules: FormRule[] = [
    ({ getFieldValue }) => ({
      required: isRequired(
        field,
        outcomes.find((o) => o.key === getFieldValue('outcome')),
      ),
      whitespace: field.type === 'text' || field.type === 'textarea',
      message: `Vui lòng nhập ${field.label.toLowerCase()}`,
    }),
  ];
  if (field.type === 'checkbox') {
    return (
      <Form.Item name={field.key} valuePropName="checked">
        <Checkbox data-testid={testId}>{field.label}</Checkbox>
      </Form.Item>
    );
  }
  return (
    <Form.Item
      name={field.key}
      label={shownRequired ? `${field.label} (bắt buộc)` : field.label}
      rules={rules}
      dependencies={['outcome']}
    >
      {field.type === 'textarea' ? (
        <Input.TextArea rows={3} maxLength={FIELD_LIMITS.variableText} showCount data-testid={testId} />
      ) : field.type === 'number' ? (
        <InputNumber style={{ width: '100%' }} min={0} data-testid={testId} />
      ) : field.type === 'date' ? (
        <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} data-testid={testId} />
      ) : field.type === 'select' ? (
        <Select options={field.options} data-testid={testId} />
      ) : (
        <Input maxLength={FIELD_LIMITS.variableText} data-testid={testId} />
      )}
    </Form.Item>
  );
}
