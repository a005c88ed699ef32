import { App as AntApp, ConfigProvider } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter, createRoutesFromElements, Navigate, Route, RouterProvider } from 'react-router-dom';
import { AuthProvider } from './auth/auth.context';
import { RequireAuth } from './auth/require-auth';

// bpmn-js and its panel are large: only administrators who open the modeler download them.
const ModelerPage = lazy(() => import('./pages/modeler/modeler.page'));

/**
 * Every page is its own chunk, fetched when its route is first matched (the router loads it
 * before rendering, so useBlocker and the layout see a loaded page). A citizen on /tra-cuu, the
 * kiosk or /thong-ke downloads only that page and the antd components it uses: none of the staff
 * layout, the inbox, the forms or bpmn-js (bench/web-size.ts, test/browser/public-bundle).
 */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

/** A staff page that needs a signed-in officer (RequireAuth) but not the app layout. */
function signedInPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => {
    const Page = pick(await load());
    return {
      element: (
        <RequireAuth>
          <Page />
        </RequireAuth>
      ),
    };
  };
}

// A data router: pages can ask before unsaved work is lost when the user navigates away (useBlocker).
const router = createBrowserRouter(
  createRoutesFromElements(
    <>
      <Route path="/login" lazy={page(() => import('./pages/login/login.page'), (m) => m.LoginPage)} />
      {/* Public: citizens, the hall kiosk and the stats screen have no account. */}
      <Route path="/tra-cuu" lazy={page(() => import('./pages/lookup/lookup.page'), (m) => m.LookupPage)} />
      <Route path="/kiosk" lazy={page(() => import('./pages/kiosk/kiosk.page'), (m) => m.KioskPage)} />
      <Route path="/thong-ke" lazy={page(() => import('./pages/stats/stats.page'), (m) => m.StatsPage)} />
      <Route path="/account/password" lazy={signedInPage(() => import('./pages/account/password.page'), (m) => m.PasswordPage)} />
      <Route lazy={signedInPage(() => import('./layout/app.layout'), (m) => m.AppLayout)}>
        <Route path="/inbox" lazy={page(() => import('./pages/inbox/inbox.page'), (m) => m.InboxPage)} />
        <Route path="/tiep-nhan" lazy={page(() => import('./pages/reception/reception.page'), (m) => m.ReceptionPage)} />
        <Route path="/ho-so" lazy={page(() => import('./pages/dossier/dossiers.page'), (m) => m.DossiersPage)} />
        <Route path="/ho-so/:code" lazy={page(() => import('./pages/dossier/dossier.page'), (m) => m.DossierPage)} />
        <Route path="/bao-cao" lazy={page(() => import('./pages/reports/reports.page'), (m) => m.ReportsPage)} />
        <Route path="/admin/calendar" lazy={page(() => import('./pages/calendar/calendar.page'), (m) => m.CalendarPage)} />
        <Route path="/admin/units" lazy={page(() => import('./pages/admin/units.page'), (m) => m.UnitsPage)} />
        <Route path="/admin/users" lazy={page(() => import('./pages/admin/users.page'), (m) => m.UsersPage)} />
        <Route path="/admin/audit" lazy={page(() => import('./pages/admin/audit.page'), (m) => m.AuditPage)} />
        <Route path="/admin/procedures" lazy={page(() => import('./pages/admin/procedures.page'), (m) => m.ProceduresPage)} />
        <Route path="/admin/van-hanh" lazy={page(() => import('./pages/admin/operations.page'), (m) => m.OperationsPage)} />
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
