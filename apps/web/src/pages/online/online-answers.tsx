import { Descriptions } from 'antd';
import type { Procedure, Submission } from './online-desk.api';

/** The e-form's answers under the form's own labels (a checkbox reads Có / Không, a select its option's label). */
export function OnlineAnswers({ submission, procedure }: { submission: Submission; procedure?: Procedure }) {
  const fields = procedure?.eForm?.fields ?? [];
  const shown = (key: string, value: string | number | boolean) => {
    const field = fields.find((f) => f.key === key);
    if (typeof value === 'boolean') return value ? 'Có' : 'Không';
    if (field?.type === 'select') return field.options.find((o) => o.value === value)?.label ?? String(value);
    if (field?.type === 'number' && typeof value === 'number') return value.toLocaleString('vi-VN');
    if (field?.type === 'date' && typeof value === 'string') return value.split('-').reverse().join('/');
    return String(value);
  };
  const keys = [
    ...fields.map((f) => f.key).filter((k) => k in submission.answers),
    ...Object.keys(submission.answers).filter((k) => !fields.some((f) => f.key === k)),
  ];
  return (
    <Descriptions column={1} size="small" bordered data-testid="online-answers">
      {keys.map((key) => (
        <Descriptions.Item key={key} label={fields.find((f) => f.key === key)?.label ?? key}>
          {shown(key, submission.answers[key])}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}
