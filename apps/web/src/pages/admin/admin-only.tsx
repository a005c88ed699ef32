import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useAuth } from '../../auth/auth.context';

/** The administration pages, for administrators only; others get a 403 page with a way back. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  if (user?.roles.includes('admin')) return <>{children}</>;
  return (
    <Result
      status="403"
      title="Không có quyền truy cập"
      subTitle="Trang này dành cho quản trị viên."
      extra={
        <Link to="/inbox">
          <Button type="primary">Về Hộp công việc</Button>
        </Link>
      }
    />
  );
}
