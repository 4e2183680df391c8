import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import type { ReactNode } from 'react';
import { I18nProvider } from './i18n';
import { AuthProvider, useAuth } from './auth/AuthContext';
import { Layout } from './pages/Layout';
import { LoginPage } from './pages/LoginPage';
import { HomePage } from './pages/HomePage';
import { MyPermissionsPage } from './pages/MyPermissionsPage';
import { DetailsPage } from './pages/DetailsPage';
import { StaffPage } from './pages/StaffPage';
import { RolesPage } from './pages/RolesPage';
import { AuditLogPage } from './pages/AuditLogPage';
import { SubscriptionsPage } from './pages/SubscriptionsPage';
import { NotFound } from './pages/NotFound';
import { RequireUserAccess } from './components/RequireAccess';
import { SiteFooter } from './components/SiteFooter';
import { AccessibilityPage } from './pages/AccessibilityPage';
import { PersonPage } from './pages/PersonPage';
import { UnitPage } from './pages/UnitPage';
import { NoticesPage } from './pages/NoticesPage';
import { ReviewsPage } from './pages/ReviewsPage';

function RequireAuth({ children }: { children: ReactNode }) {
  const { loggedIn } = useAuth();
  const location = useLocation();
  if (!loggedIn) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <>{children}</>;
}

/** The routes; the current organisation is always in the URL (R-ORG-4). */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/tillganglighet" element={<AccessibilityPage />} />
      <Route path="/accessibility" element={<AccessibilityPage />} />
      <Route path="/" element={<RequireAuth><HomePage /></RequireAuth>} />
      <Route path="/org/:organisationId" element={<RequireAuth><Layout /></RequireAuth>}>
        <Route index element={<Navigate to="permissions" replace />} />
        <Route path="permissions" element={<MyPermissionsPage />} />
        <Route path="details" element={<DetailsPage />} />
        <Route path="staff" element={<RequireUserAccess><StaffPage /></RequireUserAccess>} />
        <Route path="people/:personId" element={<RequireUserAccess><PersonPage /></RequireUserAccess>} />
        <Route path="units/:unitId" element={<RequireUserAccess><UnitPage /></RequireUserAccess>} />
        <Route path="roles" element={<RolesPage />} />
        <Route path="log" element={<RequireUserAccess><AuditLogPage /></RequireUserAccess>} />
        <Route path="subscriptions" element={<RequireUserAccess><SubscriptionsPage /></RequireUserAccess>} />
        <Route path="notices" element={<RequireUserAccess><NoticesPage /></RequireUserAccess>} />
        <Route path="reviews" element={<RequireUserAccess><ReviewsPage /></RequireUserAccess>} />
        <Route path="*" element={<NotFound />} />
      </Route>
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}

export function App({ gatewayUrl }: { gatewayUrl: string }) {
  return (
    <I18nProvider>
      <AuthProvider gatewayUrl={gatewayUrl}>
        <BrowserRouter>
          <AppRoutes />
          <SiteFooter />
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  );
}
