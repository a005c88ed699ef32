import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './auth/auth.context';
import { RequireAuth } from './auth/require-auth';
import { AppLayout } from './layout/app.layout';
import { InboxPage } from './pages/inbox/inbox.page';
import { LoginPage } from './pages/login/login.page';

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
                element={
                  <RequireAuth>
                    <AppLayout />
                  </RequireAuth>
                }
              >
                <Route path="/inbox" element={<InboxPage />} />
              </Route>
              <Route path="*" element={<Navigate to="/inbox" replace />} />
            </Routes>
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
