import { Result } from 'antd';
import type { Permission } from '@qingfeng/core';
import type { ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/account-page';
import { AuditPage } from '../features/audit/audit-page';
import { AuthGate, RequirePermission } from '../features/auth/auth-gate';
import { ChangePasswordPage } from '../features/auth/change-password-page';
import { EnrolTotpPage } from '../features/auth/enrol-totp-page';
import { DATASET_ROUTES } from '../features/datasets/dataset-routes';
import { MODEL_ROUTES } from '../features/models/model-routes';
import { WARNING_ROUTES } from '../features/warnings/warning-routes';
import { SignInPage } from '../features/auth/sign-in-page';
import { HomePage } from '../features/home/home-page';
import { ConsoleLayout } from '../features/layout/console-layout';
import { OrganisationsPage } from '../features/organisations/organisations-page';
import { PoliciesPage } from '../features/policies/policies-page';
import { RolesPage } from '../features/roles/roles-page';
import { UsersPage } from '../features/users/users-page';
import { useT } from '../i18n';

function NotFound() {
  const t = useT();
  return <Result status="404" title={t('notFound.title')} />;
}

const guarded = (permission: Permission, page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  {
    path: '/change-password',
    element: (
      <AuthGate stage="change-password">
        <ChangePasswordPage />
      </AuthGate>
    ),
  },
  {
    path: '/enrol-totp',
    element: (
      <AuthGate stage="enrol-totp">
        <EnrolTotpPage />
      </AuthGate>
    ),
  },
  {
    path: '/',
    element: (
      <AuthGate stage="console">
        <ConsoleLayout />
      </AuthGate>
    ),
    children: [
      { index: true, element: <HomePage /> },
      { path: 'organisations', element: guarded('org.read', <OrganisationsPage />) },
      { path: 'users', element: guarded('user.read', <UsersPage />) },
      { path: 'roles', element: guarded('role.read', <RolesPage />) },
      { path: 'security-policies', element: guarded('policy.manage', <PoliciesPage />) },
      { path: 'audit', element: guarded('audit.read', <AuditPage />) },
      ...DATASET_ROUTES,
      ...MODEL_ROUTES,
      ...WARNING_ROUTES,
      { path: 'account', element: <AccountPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
