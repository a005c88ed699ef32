import { App as AntApp } from 'antd';
import type { ReactNode } from 'react';
import { RequireAuth } from '../auth/require-auth';

/**
 * What every staff page stands in: a signed-in officer (RequireAuth) and antd's App (message,
 * modal and notification hooks). Loaded with the staff pages, so its code (≈ 25 KB gzipped) is not
 * part of the public pages' first load.
 */
export function StaffApp({ children }: { children: ReactNode }) {
  return (
    <AntApp style={{ height: '100%' }}>
      <RequireAuth>{children}</RequireAuth>
    </AntApp>
  );
}
