import { Form, Input, Modal, Select } from 'antd';
import { useConfirmDiscard, useUnsavedChanges } from '../../layout/use-unsaved-changes';
import { useEffect, useState } from 'react';
import { adminApi, UNIT_KINDS, type UnitKind, type UnitNode } from './admin.api';
import { adminErrorMessage, UNIT_KIND_LABELS } from './admin-labels';
import { UnitPicker } from './unit-picker';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

interface UnitForm {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string;
  /** Shown to citizens on the procedure pages as where to go (editing only). */
  address?: string;
}

export interface UnitFormTarget {
  /** Set when editing; otherwise a new unit under `parentCode`. */
  unit?: UnitNode;
  parentCode?: string;
}

/** Thêm / sửa đơn vị. The code is fixed once created (dossier codes carry it). */
export function UnitFormModal(props: {
  target: UnitFormTarget | null;
  tree: UnitNode[];
  onClose(): void;
  onSaved(): void;
}) {
  const { target, tree } = props;
  const [form] = Form.useForm<UnitForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Typed changes not yet saved: closing or leaving the page asks first (issue 19 item 6).
  const [touched, setTouched] = useState(false);
  const confirmDiscard = useConfirmDiscard();
  useUnsavedChanges(target !== null && touched, 'Thông tin đơn vị');
  const close = () => confirmDiscard(touched, 'Thông tin đơn vị', props.onClose);
  const editing = target?.unit;

  useEffect(() => {
    if (!target) return;
    setError(null);
    form.resetFields();
    setTouched(false);
    form.setFieldsValue(
      editing
        ? { code: editing.code, name: editing.name, kind: editing.kind, address: editing.address ?? '' }
        : { parentCode: target.parentCode, kind: 'office' },
    );
  }, [target, editing, form]);

  const submit = async (values: UnitForm) => {
    setSaving(true);
    setError(null);
    try {
      if (editing)
        await adminApi.updateUnit(editing.code, {
          name: values.name,
          kind: values.kind,
          address: values.address?.trim() || null,
        });
      else await adminApi.createUnit({ ...values, code: values.code.trim() });
      props.onSaved();
    } catch (cause) {
      setError(adminErrorMessage(cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={editing ? `Sửa đơn vị ${editing.code}` : 'Thêm đơn vị'}
      okText={editing ? 'Lưu' : 'Thêm đơn vị'}
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'unit-form-submit' } as Record<`data-${string}`, string>}
    >
      <Form<UnitForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setTouched(true)}
        requiredMark={false}
      >
        {!editing && (
          <Form.Item
            label="Thuộc đơn vị"
            name="parentCode"
            rules={[{ required: true, message: 'Chọn đơn vị cấp trên' }]}
          >
            <UnitPicker tree={tree} data-testid="unit-parent" />
          </Form.Item>
        )}
        <Form.Item
          label="Mã định danh"
          name="code"
          extra="Theo Quyết định 20/2020/QĐ-TTg, dạng NNN.NN.NN.Hxx, ví dụ 000.21.20.H15. Không đổi được sau khi tạo."
          rules={[
            { required: true, message: 'Nhập mã định danh' },
            {
              pattern: /^\s*\d{3}\.\d{2}\.\d{2}\.[Hh]\d{2}\s*$/,
              message: 'Mã phải có dạng NNN.NN.NN.Hxx, ví dụ 000.21.20.H15',
            },
          ]}
        >
          <Input
            disabled={Boolean(editing)}
            placeholder="000.21.20.H15"
            maxLength={FIELD_LIMITS.code}
            data-testid="unit-code"
          />
        </Form.Item>
        <Form.Item
          label="Tên đơn vị"
          name="name"
          rules={[{ required: true, whitespace: true, message: 'Nhập tên đơn vị' }]}
        >
          <Input placeholder="UBND phường Tân Lập" maxLength={FIELD_LIMITS.personName} data-testid="unit-name" />
        </Form.Item>
        <Form.Item label="Loại đơn vị" name="kind" rules={[{ required: true }]}>
          <Select
            options={UNIT_KINDS.map((kind) => ({ value: kind, label: UNIT_KIND_LABELS[kind] }))}
            data-testid="unit-kind"
          />
        </Form.Item>
        {editing && (
          <Form.Item
            label="Địa chỉ tiếp nhận hồ sơ"
            name="address"
            extra="Công dân thấy địa chỉ này ở mục «Nơi nộp hồ sơ» trên trang thủ tục. Để trống nếu chưa có."
          >
            <Input
              placeholder="01 Lê Thị Hồng Gấm, phường Tân Lợi, TP. Buôn Ma Thuột"
              maxLength={FIELD_LIMITS.address}
              data-testid="unit-address"
            />
          </Form.Item>
        )}
        {error && (
          <div role="alert" style={{ color: '#cf1322' }} data-testid="unit-form-error">
            {error}
          </div>
        )}
      </Form>
    </Modal>
  );
}
