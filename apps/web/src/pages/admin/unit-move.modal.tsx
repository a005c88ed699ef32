import { Alert, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { adminApi, type UnitNode } from './admin.api';
import { adminErrorMessage } from './admin-labels';
import { UnitPicker } from './unit-picker';

/** Chuyển đơn vị: a new parent; the unit itself and its descendants cannot be chosen. */
export function UnitMoveModal(props: { unit: UnitNode | null; tree: UnitNode[]; onClose(): void; onSaved(): void }) {
  const { unit } = props;
  const [parentCode, setParentCode] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setParentCode(unit?.parentCode ?? undefined);
    setError(null);
  }, [unit]);

  const submit = async () => {
    if (!unit || !parentCode) return;
    setSaving(true);
    try {
      await adminApi.moveUnit(unit.code, parentCode);
      props.onSaved();
    } catch (cause) {
      setError(adminErrorMessage(cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={unit !== null}
      title={`Chuyển đơn vị ${unit?.name ?? ''}`}
      okText="Chuyển"
      cancelText="Hủy"
      okButtonProps={{ disabled: !parentCode || parentCode === unit?.parentCode }}
      confirmLoading={saving}
      onOk={submit}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        Đơn vị được chuyển cùng các đơn vị cấp dưới và tài khoản của nó. Mã định danh không thay đổi.
      </Typography.Paragraph>
      <UnitPicker
        tree={props.tree}
        exclude={unit?.code}
        value={parentCode}
        onChange={setParentCode}
        placeholder="Chọn đơn vị cấp trên mới"
        style={{ width: '100%' }}
      />
      {error && <Alert type="error" showIcon style={{ marginTop: 16 }} title={error} />}
    </Modal>
  );
}
