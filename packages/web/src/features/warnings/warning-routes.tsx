import type { RouteObject } from 'react-router';
import { RequirePermission } from '../auth/auth-gate';
import { WarningPage } from './warning-page';
import { WarningsPage } from './warnings-page';

const read = (page: React.ReactNode) => <RequirePermission permission="warning.read">{page}</RequirePermission>;

/** The warning pages (list, one warning), mounted under the signed-in layout. */
export const WARNING_ROUTES: RouteObject[] = [
  { path: 'warnings', element: read(<WarningsPage />) },
  { path: 'warnings/:id', element: read(<WarningPage />) },
];
