import type { FormField } from '../../../../../libs/common/src/form-fields';
import { Field } from '../../public/panel';
import { publicInput } from '../../public/public-controls';

/** Why a field was refused, in Vietnamese (the problems of libs/common form-fields). */
export const FIELD_PROBLEM: Record<string, string> = {
  required: 'Mục này là bắt buộc.',
  too_long: 'Nội dung quá dài.',
  invalid: 'Giá trị chưa đúng định dạng.',
  unknown: 'Mục này không thuộc tờ khai.',
};

/**
 * One e-form field as a phone-sized input: native date and select pickers, a checkbox for a pledge.
 * Native controls, not antd's Input, TextArea or Checkbox: the citizen's first load stays ≤ 200 KB.
 */
export function OnlineFormField({
  field,
  value,
  error,
  onChange,
}: {
  field: FormField;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
}) {
  const id = `eform-${field.key}`;
  const label = (
    <>
      {field.label}
      {field.required && field.type !== 'checkbox' && <span style={{ color: '#cf1322' }}> *</span>}
    </>
  );
  if (field.type === 'checkbox')
    return (
      <Field id={id} label="" error={error}>
        <label style={{ display: 'flex', gap: 10, alignItems: 'flex-start', cursor: 'pointer', minHeight: 44 }}>
          <input
            type="checkbox"
            id={id}
            checked={value === true}
            onChange={(e) => onChange(e.target.checked)}
            data-testid={id}
            style={{ width: 20, height: 20, margin: '2px 0 0', flex: 'none', accentColor: '#1677ff' }}
          />
          <span>{field.label}</span>
        </label>
      </Field>
    );
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  return (
    <Field id={id} label={label} error={error}>
      {field.type === 'textarea' ? (
        <textarea
          id={id}
          rows={3}
          style={publicInput}
          maxLength={field.maxLength}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          data-testid={id}
        />
      ) : field.type === 'select' ? (
        <select id={id} value={text} onChange={(e) => onChange(e.target.value)} style={publicInput} data-testid={id}>
          <option value="">— Chọn —</option>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          style={publicInput}
          type={field.type === 'date' ? 'date' : 'text'}
          inputMode={field.type === 'number' ? 'numeric' : undefined}
          maxLength={field.maxLength}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          data-testid={id}
        />
      )}
      {field.help && <div style={{ color: '#8c8c8c', fontSize: 13, marginTop: 4 }}>{field.help}</div>}
    </Field>
  );
}
