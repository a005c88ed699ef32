import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/auth.context';
import { RequireAuth } from './auth/require-auth';
import { AppLayout } from './layout/app.layout';
import { CalendarPage } from './pages/calendar/calendar.page';
import { InboxPage } from './pages/inbox/inbox.page';
import { PasswordPage } from './pages/account/password.page';
import { AuditPage } from './pages/admin/audit.page';
import { UnitsPage } from './pages/admin/units.page';
import { UsersPage } from './pages/admin/users.page';
import { LoginPage } from './pages/login/login.page';

// bpmn-js and its panel are large: only administrators who open the modeler download them.
const ModelerPage = lazy(() => import('./pages/modeler/modeler.page'));

/** Providers (Vietnamese locale, antd App for messages, auth) and routes. */
export function App() {
  return (
    <ConfigProvider locale={viVN}>
      <AntApp style={{ height: '100%' }}>
        <AuthProvider>
          <BrowserRouter>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route
                path="/account/password"
                element={
                  <RequireAuth>
                    <PasswordPage />
                  </RequireAuth>
                }
              />
              <Route
                element={
                  <RequireAuth>
                    <AppLayout />
                  </RequireAuth>
                }
              >
                <Route path="/inbox" element={<InboxPage />} />
                <Route path="/admin/calendar" element={<CalendarPage />} />
                <Route path="/admin/units" element={<UnitsPage />} />
                <Route path="/admin/users" element={<UsersPage />} />
                <Route path="/admin/audit" element={<AuditPage />} />
                <Route
                  path="/modeler"
                  element={
                    <Suspense fallback={<div data-testid="modeler-loading">Đang tải trình thiết kế…</div>}>
                      <ModelerPage />
                    </Suspense>
                  }
                />
              </Route>
              <Route path="*" element={<Navigate to="/inbox" replace />} />
            </Routes>
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
