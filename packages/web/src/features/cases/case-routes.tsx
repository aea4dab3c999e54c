import type { RouteObject } from 'react-router';
import { RequirePermission } from '../auth/auth-gate';
import { CasePage } from './case-page';
import { CasesPage } from './cases-page';
import { OverdueCasesPage } from './overdue-cases-page';

const read = (page: React.ReactNode) => <RequirePermission permission="case.read">{page}</RequirePermission>;

/** The case pages (registry, overdue list, one case), mounted under the signed-in layout. */
export const CASE_ROUTES: RouteObject[] = [
  { path: 'cases', element: read(<CasesPage />) },
  { path: 'cases/overdue', element: read(<OverdueCasesPage />) },
  { path: 'cases/:id', element: read(<CasePage />) },
];
