import { Result } from 'antd';
import type { Permission } from '@qingfeng/core';
import type { ComponentType, ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { AuthGate, RequirePermission } from '../features/auth/auth-gate';
import { SignInPage } from '../features/auth/sign-in-page';
import { HomePage } from '../features/home/home-page';
import { ConsoleLayout } from '../features/layout/console-layout';
import { useT } from '../i18n';
import { FullPageSpin } from '../shared/full-page-spin';
import { FEATURE_ROUTES } from './feature-routes';
import { RouteShell } from './route-shell';

// What a first visit needs (sign-in, the frame, home) is in the main chunk; every other
// page is a chunk of its own, fetched the first time its route is visited.

function NotFound() {
  const t = useT();
  return <Result status="404" title={t('notFound.title')} />;
}

const guarded = (permission: Permission) => (page: ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

/** A route whose page is loaded on first visit, then wrapped (in its gate, say). */
function lazyPage(load: () => Promise<ComponentType>, wrap = (page: ReactNode) => page): Pick<RouteObject, 'lazy'> {
  return {
    lazy: async () => {
      const Page = await load();
      return { element: wrap(<Page />) };
    },
  };
}

/*
 * The feature route tables (FEATURE_ROUTES) are loaded when first needed. Until they are
 * loaded the console's catch-all matches their paths, and the router asks
 * `patchRoutesOnNavigation` about every path a catch-all or a parameter matches: loading and
 * patching them in there puts them in place before their first page renders. Modules load
 * once and the router skips routes it already has, so asking again costs nothing.
 */

export const router = createBrowserRouter(
  [
    {
      element: <RouteShell />,
      // Shown instead of everything while a deep link's page is fetched on first load.
      hydrateFallbackElement: <FullPageSpin />,
      children: [
        { path: '/sign-in', element: <SignInPage /> },
        // Public: anyone checks a receipt of the transparency log here, signed in or not.
        { path: '/verify', ...lazyPage(() => import('../features/verify/verify-page').then((m) => m.VerifyPage)) },
        {
          path: '/change-password',
          ...lazyPage(
            () => import('../features/auth/change-password-page').then((m) => m.ChangePasswordPage),
            (page) => <AuthGate stage="change-password">{page}</AuthGate>,
          ),
        },
        {
          path: '/enrol-totp',
          ...lazyPage(
            () => import('../features/auth/enrol-totp-page').then((m) => m.EnrolTotpPage),
            (page) => <AuthGate stage="enrol-totp">{page}</AuthGate>,
          ),
        },
        {
          id: 'console',
          path: '/',
          element: (
            <AuthGate stage="console">
              <ConsoleLayout />
            </AuthGate>
          ),
          children: [
            { index: true, element: <HomePage /> },
            {
              path: 'organisations',
              ...lazyPage(
                () => import('../features/organisations/organisations-page').then((m) => m.OrganisationsPage),
                guarded('org.read'),
              ),
            },
            {
              path: 'users',
              ...lazyPage(() => import('../features/users/users-page').then((m) => m.UsersPage), guarded('user.read')),
            },
            {
              path: 'roles',
              ...lazyPage(() => import('../features/roles/roles-page').then((m) => m.RolesPage), guarded('role.read')),
            },
            {
              path: 'security-policies',
              ...lazyPage(
                () => import('../features/policies/policies-page').then((m) => m.PoliciesPage),
                guarded('policy.manage'),
              ),
            },
            {
              path: 'approvals',
              ...lazyPage(() => import('../features/approvals/approvals-page').then((m) => m.ApprovalsPage)),
            },
            {
              path: 'audit',
              ...lazyPage(() => import('../features/audit/audit-page').then((m) => m.AuditPage), guarded('audit.read')),
            },
            {
              path: 'account',
              ...lazyPage(() => import('../features/account/account-page').then((m) => m.AccountPage)),
            },
            { path: '*', element: <NotFound /> },
          ],
        },
      ],
    },
  ],
  {
    async patchRoutesOnNavigation({ patch }) {
      for (const routes of await Promise.all(FEATURE_ROUTES.map((load) => load()))) patch('console', routes);
    },
  },
);
