import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import type { CurrentUser } from '../../api/api.types';
import { useAuth } from '../../auth/auth.context';
import { FIELD_LIMITS } from '../../../../../libs/common/src/field-limits';
import { credentialErrorMessage } from './login-messages';

interface LoginForm {
  username: string;
  password: string;
}

/**
 * Where to go after signing in: the password change when required; back to the page the session
 * ended on only for the same person (another officer must not land on the previous one's page);
 * otherwise the inbox.
 */
function destination(user: CurrentUser, from: string | undefined, previousUsername: string | null): string {
  if (user.mustChangePassword) return '/account/password';
  if (from && from !== '/login' && (previousUsername === null || previousUsername === user.username)) return from;
  return '/inbox';
}

/** Đăng nhập: username and password; says in Vietnamese why a sign-in was refused (and how long to wait). */
export function LoginPage() {
  const { user, login, sessionExpired, previousUsername } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const from = (location.state as { from?: string } | null)?.from;
  // Read once: signing in clears it, and the redirect below must still see the previous user.
  const [returnFor] = useState(previousUsername);

  if (user) return <Navigate to={destination(user, from, returnFor)} replace />;

  const submit = async ({ username, password }: LoginForm) => {
    setError(null);
    setSubmitting(true);
    try {
      const signedIn = await login(username.trim(), password);
      navigate(destination(signedIn, from, returnFor), { replace: true });
    } catch (cause) {
      setError(credentialErrorMessage(cause));
      setSubmitting(false);
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
      <Card style={{ width: '100%', maxWidth: 400 }}>
        <Typography.Title level={3} style={{ marginTop: 0, marginBottom: 4, textAlign: 'center' }}>
          Một cửa điện tử liên thông
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          Đăng nhập dành cho cán bộ, công chức
        </Typography.Paragraph>
        {sessionExpired && !error && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title="Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại."
          />
        )}
        {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error} data-testid="login-error" />}
        <Form<LoginForm> layout="vertical" onFinish={submit} requiredMark={false} disabled={submitting}>
          <Form.Item
            label="Tên đăng nhập"
            name="username"
            rules={[{ required: true, whitespace: true, message: 'Vui lòng nhập tên đăng nhập' }]}
          >
            <Input
              autoFocus
              autoComplete="username"
              size="large"
              maxLength={FIELD_LIMITS.username}
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Vui lòng nhập mật khẩu' }]}>
            <Input.Password
              autoComplete="current-password"
              size="large"
              maxLength={FIELD_LIMITS.password}
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={submitting} data-testid="login-submit">
            Đăng nhập
          </Button>
        </Form>
      </Card>
    </div>
  );
}
