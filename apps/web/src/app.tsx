import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, createRoutesFromElements, Navigate, Route, RouterProvider } from 'react-router-dom';
import { AuthProvider } from './auth/auth.context';
import { RequireAuth } from './auth/require-auth';
import { AppLayout } from './layout/app.layout';
import { CalendarPage } from './pages/calendar/calendar.page';
import { DossierPage } from './pages/dossier/dossier.page';
import { DossiersPage } from './pages/dossier/dossiers.page';
import { InboxPage } from './pages/inbox/inbox.page';
import { PasswordPage } from './pages/account/password.page';
import { AuditPage } from './pages/admin/audit.page';
import { ProceduresPage } from './pages/admin/procedures.page';
import { OperationsPage } from './pages/admin/operations.page';
import { UnitsPage } from './pages/admin/units.page';
import { UsersPage } from './pages/admin/users.page';
import { LoginPage } from './pages/login/login.page';
import { ReceptionPage } from './pages/reception/reception.page';
import { ReportsPage } from './pages/reports/reports.page';
import { KioskPage } from './pages/kiosk/kiosk.page';
import { LookupPage } from './pages/lookup/lookup.page';
import { StatsPage } from './pages/stats/stats.page';

// bpmn-js and its panel are large: only administrators who open the modeler download them.
const ModelerPage = lazy(() => import('./pages/modeler/modeler.page'));
// The instance page shows the deployed diagram in bpmn-js's viewer: loaded only when opened.
const InstancePage = lazy(() => import('./pages/instance/instance.page'));

// A data router: pages can ask before unsaved work is lost when the user navigates away (useBlocker).
const router = createBrowserRouter(
  createRoutesFromElements(
    <>
      <Route path="/login" element={<LoginPage />} />
      {/* Public: citizens, the hall kiosk and the stats screen have no account. */}
      <Route path="/tra-cuu" element={<LookupPage />} />
      <Route path="/kiosk" element={<KioskPage />} />
      <Route path="/thong-ke" element={<StatsPage />} />
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
        <Route path="/tiep-nhan" element={<ReceptionPage />} />
        <Route path="/ho-so" element={<DossiersPage />} />
        <Route path="/ho-so/:code" element={<DossierPage />} />
        <Route path="/bao-cao" element={<ReportsPage />} />
        <Route path="/admin/calendar" element={<CalendarPage />} />
        <Route path="/admin/units" element={<UnitsPage />} />
        <Route path="/admin/users" element={<UsersPage />} />
        <Route path="/admin/audit" element={<AuditPage />} />
        <Route path="/admin/procedures" element={<ProceduresPage />} />
        <Route path="/admin/van-hanh" element={<OperationsPage />} />
        <Route
          path="/admin/phien/:id"
          element={
            <Suspense fallback={<div data-testid="instance-loading">Đang tải sơ đồ…</div>}>
              <InstancePage />
            </Suspense>
          }
        />
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
    </>,
  ),
);

/** Providers (Vietnamese locale, antd App for messages, auth) and routes. */
export function App() {
  return (
    <ConfigProvider locale={viVN}>
      <AntApp style={{ height: '100%' }}>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
