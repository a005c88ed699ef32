import { Button, Checkbox, Form, Input, Select, Space } from 'antd';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

const KIND_OPTIONS = [
  { value: 'original', label: 'Bản chính' },
  { value: 'certified_copy', label: 'Bản sao chứng thực' },
  { value: 'copy', label: 'Bản sao' },
];

/** The editor of a procedure's required documents (Form.List `requiredDocuments`). */
export function ProcedureDocumentsField() {
  return (
    <Form.List name="requiredDocuments">
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Space
              key={field.key}
              align="start"
              wrap
              style={{ display: 'flex', marginBottom: 4 }}
              data-testid={`document-row-${index}`}
            >
              <Form.Item
                name={[field.name, 'code']}
                rules={[
                  { required: true, message: 'Mã' },
                  { pattern: /^[0-9A-Za-z][0-9A-Za-z._-]*$/, message: 'Chữ không dấu, số, . _ -' },
                ]}
              >
                <Input
                  placeholder="Mã (vd. to-khai)"
                  maxLength={FIELD_LIMITS.code}
                  style={{ width: 140 }}
                  data-testid={`document-code-${index}`}
                />
              </Form.Item>
              <Form.Item
                name={[field.name, 'name']}
                rules={[{ required: true, whitespace: true, message: 'Tên giấy tờ' }]}
              >
                <Input
                  placeholder="Tên giấy tờ"
                  maxLength={FIELD_LIMITS.title}
                  style={{ width: 260 }}
                  data-testid={`document-name-${index}`}
                />
              </Form.Item>
              <Form.Item name={[field.name, 'kind']} initialValue="original">
                <Select options={KIND_OPTIONS} style={{ width: 170 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'required']} valuePropName="checked" initialValue>
                <Checkbox>Bắt buộc</Checkbox>
              </Form.Item>
              <Button type="link" danger onClick={() => remove(field.name)}>
                Xóa
              </Button>
            </Space>
          ))}
          <Button type="dashed" onClick={() => add({ kind: 'original', required: true })} data-testid="document-add">
            + Thêm giấy tờ
          </Button>
        </>
      )}
    </Form.List>
  );
}
