import { ConfigProvider, theme } from 'antd';
import viVN from 'antd/locale/vi_VN';
import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, createRoutesFromElements, Navigate, Route, RouterProvider } from 'react-router-dom';
import { AuthProvider } from './auth/auth.context';
import { LookupPage } from './pages/lookup/lookup.page';
import { prefetchCatalog, prefetchProcedure } from './pages/catalog/catalog.api';
import { CatalogPage } from './pages/catalog/catalog.page';
import { ProcedureDetailPage } from './pages/catalog/procedure-detail.page';
import { prefetchStats } from './pages/stats/stats.api';
import { StatsPage } from './pages/stats/stats.page';

// bpmn-js and its panel are large: only administrators who open the modeler download them.
const ModelerPage = lazy(() => import('./pages/modeler/modeler.page'));
// The instance page shows the deployed diagram in bpmn-js's viewer: loaded only when opened.
const InstancePage = lazy(() => import('./pages/instance/instance.page'));

/**
 * Every page but the citizens' (/tra-cuu, /thu-tuc, /thu-tuc/:code, /thong-ke) is its own chunk, fetched
 * when its route is first matched (the router loads it before rendering, so useBlocker and the layout
 * see a loaded page). A citizen downloads only the entry (the kiosk: and its page with antd's Button):
 * none of the staff layout, the inbox, the forms or bpmn-js (bench/web-size.ts, test/browser/public-bundle).
 * The lookup, the catalog and the stats screen (≈ 3 + 4 + 3 KB of their own, no antd component) are in
 * the entry: on a 3G phone a request chain costs ≈ 0.6 s; their JSON is preloaded with index.html
 * (apps/server/src/web-app.ts `firstRequestOf`) and requested by their route loaders.
 */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

/** A staff page: a signed-in officer and antd's App around it (layout/staff-app.tsx, loaded with the page). */
function signedInPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => {
    const [module, { StaffApp }] = await Promise.all([load(), import('./layout/staff-app')]);
    const Page = pick(module);
    return {
      element: (
        <StaffApp>
          <Page />
        </StaffApp>
      ),
    };
  };
}

/** The font, size and colour antd's App gives its children, for every page (public ones have no App). */
function BaseText({ children }: { children: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <div
      style={{
        height: '100%',
        fontFamily: token.fontFamily,
        fontSize: token.fontSize,
        lineHeight: token.lineHeight,
        color: token.colorText,
      }}
    >
      {children}
    </div>
  );
}

// A data router: pages can ask before unsaved work is lost when the user navigates away (useBlocker).
const router = createBrowserRouter(
  createRoutesFromElements(
    <>
      <Route
        path="/login"
        lazy={page(
          () => import('./pages/login/login.page'),
          (m) => m.LoginPage,
        )}
      />
      {/* Public: citizens, the hall kiosk and the stats screen have no account. */}
      {/* The most visited public page comes with the entry: its first load is one request chain shorter. */}
      <Route path="/tra-cuu" element={<LookupPage />} />
      {/* Citizens signed in by phone (ADR 0027): their own token, apart from the staff session. */}
      <Route
        path="/cong-dan/dang-nhap"
        lazy={page(
          () => import('./pages/citizen/citizen-sign-in.page'),
          (m) => m.CitizenSignInPage,
        )}
      />
      <Route
        path="/nop-ho-so/:procedureCode"
        lazy={page(
          () => import('./pages/online/submit-online.page'),
          (m) => m.SubmitOnlinePage,
        )}
      />
      <Route
        path="/ho-so-cua-toi"
        lazy={page(
          () => import('./pages/citizen/my-dossiers.page'),
          (m) => m.MyDossiersPage,
        )}
      />
      <Route
        path="/thanh-toan/ket-qua"
        lazy={page(
          () => import('./pages/payment/payment-result.page'),
          (m) => m.PaymentResultPage,
        )}
      />
      {/* The catalog (≈ 4 KB, no antd component) comes with the entry too; its loader requests the data
          as soon as the router starts, before React renders (catalog.api.ts). */}
      <Route path="/thu-tuc" loader={({ request }) => (prefetchCatalog(request.url), null)} element={<CatalogPage />} />
      <Route
        path="/thu-tuc/:code"
        loader={({ params }) => (prefetchProcedure(params.code ?? ''), null)}
        element={<ProcedureDetailPage />}
      />
      <Route
        path="/kiosk"
        lazy={page(
          () => import('./pages/kiosk/kiosk.page'),
          (m) => m.KioskPage,
        )}
      />
      <Route
        path="/danh-gia"
        lazy={page(
          () => import('./pages/rating/rating.page'),
          (m) => m.RatingPage,
        )}
      />
      <Route path="/thong-ke" loader={({ request }) => (prefetchStats(request.url), null)} element={<StatsPage />} />
      <Route
        path="/account/password"
        lazy={signedInPage(
          () => import('./pages/account/password.page'),
          (m) => m.PasswordPage,
        )}
      />
      <Route
        lazy={signedInPage(
          () => import('./layout/app.layout'),
          (m) => m.AppLayout,
        )}
      >
        <Route
          path="/inbox"
          lazy={page(
            () => import('./pages/inbox/inbox.page'),
            (m) => m.InboxPage,
          )}
        />
        <Route
          path="/tiep-nhan"
          lazy={page(
            () => import('./pages/reception/reception.page'),
            (m) => m.ReceptionPage,
          )}
        />
        <Route
          path="/truc-tuyen"
          lazy={page(
            () => import('./pages/online/online-desk.page'),
            (m) => m.OnlineDeskPage,
          )}
        />
        <Route
          path="/ho-so"
          lazy={page(
            () => import('./pages/dossier/dossiers.page'),
            (m) => m.DossiersPage,
          )}
        />
        <Route
          path="/ho-so/:code"
          lazy={page(
            () => import('./pages/dossier/dossier.page'),
            (m) => m.DossierPage,
          )}
        />
        <Route
          path="/bao-cao"
          lazy={page(
            () => import('./pages/reports/reports.page'),
            (m) => m.ReportsPage,
          )}
        />
        <Route
          path="/admin/calendar"
          lazy={page(
            () => import('./pages/calendar/calendar.page'),
            (m) => m.CalendarPage,
          )}
        />
        <Route
          path="/admin/units"
          lazy={page(
            () => import('./pages/admin/units.page'),
            (m) => m.UnitsPage,
          )}
        />
        <Route
          path="/admin/users"
          lazy={page(
            () => import('./pages/admin/users.page'),
            (m) => m.UsersPage,
          )}
        />
        <Route
          path="/admin/audit"
          lazy={page(
            () => import('./pages/admin/audit.page'),
            (m) => m.AuditPage,
          )}
        />
        <Route
          path="/admin/procedures"
          lazy={page(
            () => import('./pages/admin/procedures.page'),
            (m) => m.ProceduresPage,
          )}
        />
        <Route
          path="/admin/danh-gia"
          lazy={page(
            () => import('./pages/admin/rating-criteria.page'),
            (m) => m.RatingCriteriaPage,
          )}
        />
        <Route
          path="/admin/van-hanh"
          lazy={page(
            () => import('./pages/admin/operations.page'),
            (m) => m.OperationsPage,
          )}
        />
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

/** Providers (Vietnamese locale, auth) and routes; antd's App (messages) comes with the staff pages. */
export function App() {
  return (
    <ConfigProvider locale={viVN}>
      <BaseText>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </BaseText>
    </ConfigProvider>
  );
}
