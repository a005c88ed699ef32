import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useConfirmDiscard, useUnsavedChanges } from '../../layout/use-unsaved-changes';
import { useEffect, useState } from 'react';
import { adminApi, type Account, type UnitNode } from './admin.api';
import { adminErrorMessage } from './admin-labels';
import { BASE_ROLE_OPTIONS, fromRoleChoice, KNOWN_FIELDS, toRoleChoice } from './account-roles';
import { UnitPicker } from './unit-picker';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';

interface AccountForm {
  username: string;
  fullName: string;
  unitCode: string;
  base: string[];
  fields: string[];
  password?: string;
}

/** `account` set: edit it; `null` with open: a new account. */
export interface UserFormTarget {
  account?: Account;
}

/** Thêm / sửa tài khoản. Without a password, the server generates one and the page shows it once. */
export function UserFormModal(props: {
  target: UserFormTarget | null;
  tree: UnitNode[];
  onClose(): void;
  onSaved(result: { username: string; temporaryPassword?: string }): void;
}) {
  const { target } = props;
  const editing = target?.account;
  const [form] = Form.useForm<AccountForm>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Typed changes not yet saved: closing or leaving the page asks first (issue 19 item 6).
  const [touched, setTouched] = useState(false);
  const confirmDiscard = useConfirmDiscard();
  useUnsavedChanges(target !== null && touched, 'Thông tin tài khoản');
  const close = () => confirmDiscard(touched, 'Thông tin tài khoản', props.onClose);
  const base = Form.useWatch('base', form) ?? [];

  useEffect(() => {
    if (!target) return;
    setError(null);
    form.resetFields();
    setTouched(false);
    if (editing)
      form.setFieldsValue({ fullName: editing.fullName, unitCode: editing.unitCode, ...toRoleChoice(editing.roles) });
    else form.setFieldsValue({ unitCode: props.tree[0]?.code, base: [], fields: [] });
  }, [target, editing, form, props.tree]);

  const submit = async (values: AccountForm) => {
    setSaving(true);
    setError(null);
    const roles = fromRoleChoice({ base: values.base ?? [], fields: values.fields ?? [] });
    try {
      if (editing) {
        await adminApi.updateUser(editing.username, { fullName: values.fullName, unitCode: values.unitCode, roles });
        props.onSaved({ username: editing.username });
      } else {
        const password = values.password?.length ? values.password : undefined;
        const created = await adminApi.createUser({
          username: values.username.trim().toLowerCase(),
          fullName: values.fullName,
          unitCode: values.unitCode,
          roles,
          password,
        });
        props.onSaved({ username: created.user.username, temporaryPassword: created.temporaryPassword });
      }
    } catch (cause) {
      setError(adminErrorMessage(cause));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={target !== null}
      title={editing ? `Sửa tài khoản ${editing.username}` : 'Thêm tài khoản'}
      okText={editing ? 'Lưu' : 'Tạo tài khoản'}
      cancelText="Hủy"
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={close}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'user-form-submit' } as Record<`data-${string}`, string>}
    >
      <Form<AccountForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={() => setTouched(true)}
        requiredMark={false}
      >
        {!editing && (
          <Form.Item
            label="Tên đăng nhập"
            name="username"
            extra="Chữ thường không dấu, chữ số và . _ - (ví dụ nguyen.van.a)"
            rules={[
              { required: true, message: 'Nhập tên đăng nhập' },
              {
                pattern: /^\s*[a-zA-Z0-9][a-zA-Z0-9._-]{1,63}\s*$/,
                message: 'Chỉ dùng chữ không dấu, chữ số và . _ -, từ 2 ký tự',
              },
            ]}
          >
            <Input autoComplete="off" maxLength={FIELD_LIMITS.username} data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item
          label="Họ và tên"
          name="fullName"
          rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên' }]}
        >
          <Input maxLength={FIELD_LIMITS.personName} data-testid="user-fullname" />
        </Form.Item>
        <Form.Item label="Đơn vị" name="unitCode" rules={[{ required: true, message: 'Chọn đơn vị' }]}>
          <UnitPicker tree={props.tree} data-testid="user-unit-select" />
        </Form.Item>
        <Form.Item
          label="Vai trò"
          name="base"
          rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một vai trò' }]}
        >
          <Checkbox.Group options={BASE_ROLE_OPTIONS} data-testid="user-roles" />
        </Form.Item>
        {base.includes('specialist') && (
          <Form.Item
            label="Lĩnh vực chuyên viên"
            name="fields"
            extra="Để trống nếu chuyên viên xử lý mọi lĩnh vực; có thể gõ lĩnh vực khác (chữ thường không dấu)."
          >
            <Select mode="tags" options={KNOWN_FIELDS} placeholder="land, construction…" data-testid="user-fields" />
          </Form.Item>
        )}
        {!editing && (
          <Form.Item
            label="Mật khẩu ban đầu"
            name="password"
            extra="Để trống để hệ thống tạo mật khẩu tạm. Người dùng phải đổi mật khẩu ở lần đăng nhập đầu tiên."
          >
            <Input.Password autoComplete="new-password" maxLength={FIELD_LIMITS.password} data-testid="user-password" />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon title={error} data-testid="user-form-error" />}
      </Form>
    </Modal>
  );
}
