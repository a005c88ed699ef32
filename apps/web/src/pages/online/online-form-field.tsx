import Checkbox from 'antd/es/checkbox';
// The plain input and text area, not antd's Input with Search, Password and OTP.
import Input from 'antd/es/input/Input';
import TextArea from 'antd/es/input/TextArea';
import type { FormField } from '../../../../../libs/common/src/form-fields';
import { Field } from '../../public/panel';

/** Why a field was refused, in Vietnamese (the problems of libs/common form-fields). */
export const FIELD_PROBLEM: Record<string, string> = {
  required: 'Mục này là bắt buộc.',
  too_long: 'Nội dung quá dài.',
  invalid: 'Giá trị chưa đúng định dạng.',
  unknown: 'Mục này không thuộc tờ khai.',
};

const selectStyle = {
  width: '100%',
  height: 40,
  borderRadius: 6,
  border: '1px solid #d9d9d9',
  padding: '0 8px',
  background: '#fff',
};

/** One e-form field as a phone-sized input: native date and select pickers, a checkbox for a pledge. */
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
        <Checkbox id={id} checked={value === true} onChange={(e) => onChange(e.target.checked)} data-testid={id}>
          {field.label}
        </Checkbox>
      </Field>
    );
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  return (
    <Field id={id} label={label} error={error}>
      {field.type === 'textarea' ? (
        <TextArea
          id={id}
          rows={3}
          maxLength={field.maxLength}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          data-testid={id}
        />
      ) : field.type === 'select' ? (
        <select id={id} value={text} onChange={(e) => onChange(e.target.value)} style={selectStyle} data-testid={id}>
          <option value="">— Chọn —</option>
          {field.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <Input
          id={id}
          size="large"
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
