import { Alert, App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { changePassword } from '../../api/auth.api';
import { useAuth } from '../../auth/auth.context';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';
import { credentialErrorMessage } from '../login/login-messages';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Đổi mật khẩu: for every user; forced after an administrator set or reset the password. */
export function PasswordPage() {
  const { user, logout, passwordChanged } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const forced = user?.mustChangePassword ?? false;

  const submit = async (values: PasswordForm) => {
    setSaving(true);
    setError(null);
    try {
      // The change ended every older token, this session's too: carry on with the new one.
      const { accessToken } = await changePassword(values.currentPassword, values.newPassword);
      passwordChanged(accessToken);
      message.success('Đã đổi mật khẩu');
      navigate('/inbox', { replace: true });
    } catch (cause) {
      // The server words PASSWORD_WEAK in Vietnamese already; the other codes are translated here.
      setError(credentialErrorMessage(cause));
      setSaving(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100%',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: '#f0f2f5',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 440 }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          Đổi mật khẩu
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {user?.fullName} ({user?.username}) — {user?.unitName}
        </Typography.Paragraph>
        {forced && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="Bạn đang dùng mật khẩu do quản trị viên cấp. Hãy đặt mật khẩu mới để tiếp tục."
            data-testid="password-forced"
          />
        )}
        {error && (
          <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} data-testid="password-error" />
        )}
        <Form<PasswordForm> layout="vertical" onFinish={submit} requiredMark={false} disabled={saving}>
          <Form.Item
            label="Mật khẩu hiện tại"
            name="currentPassword"
            rules={[{ required: true, message: 'Nhập mật khẩu hiện tại' }]}
          >
            <Input.Password
              autoComplete="current-password"
              autoFocus
              maxLength={FIELD_LIMITS.password}
              data-testid="password-current"
            />
          </Form.Item>
          <Form.Item
            label="Mật khẩu mới"
            name="newPassword"
            extra="Ít nhất 10 ký tự, kết hợp chữ và số hoặc ký hiệu; không dùng mật khẩu dễ đoán hay chứa tên đăng nhập."
            rules={[
              { required: true, message: 'Nhập mật khẩu mới' },
              { min: 10, message: 'Mật khẩu mới cần ít nhất 10 ký tự' },
            ]}
          >
            <Input.Password autoComplete="new-password" maxLength={FIELD_LIMITS.password} data-testid="password-new" />
          </Form.Item>
          <Form.Item
            label="Nhập lại mật khẩu mới"
            name="confirm"
            dependencies={['newPassword']}
            rules={[
              { required: true, message: 'Nhập lại mật khẩu mới' },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || value === getFieldValue('newPassword')
                    ? Promise.resolve()
                    : Promise.reject(new Error('Hai mật khẩu không khớp')),
              }),
            ]}
          >
            <Input.Password
              autoComplete="new-password"
              maxLength={FIELD_LIMITS.password}
              data-testid="password-confirm"
            />
          </Form.Item>
          <Space style={{ width: '100%', justifyContent: 'space-between' }}>
            {forced ? (
              <Button onClick={logout}>Đăng xuất</Button>
            ) : (
              <Button onClick={() => navigate(-1)}>Quay lại</Button>
            )}
            <Button type="primary" htmlType="submit" loading={saving} data-testid="password-submit">
              Đổi mật khẩu
            </Button>
          </Space>
        </Form>
      </Card>
    </div>
  );
}
