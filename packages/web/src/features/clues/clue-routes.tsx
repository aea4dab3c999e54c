import type { RouteObject } from 'react-router';
import { RequirePermission } from '../auth/auth-gate';
import { CluePage } from './clue-page';
import { CluesPage } from './clues-page';
import { OverdueCluesPage } from './overdue-clues-page';

const read = (page: React.ReactNode) => <RequirePermission permission="clue.read">{page}</RequirePermission>;

/** The clue pages (registry, overdue list, one clue), mounted under the signed-in layout. */
export const CLUE_ROUTES: RouteObject[] = [
  { path: 'clues', element: read(<CluesPage />) },
  { path: 'clues/overdue', element: read(<OverdueCluesPage />) },
  { path: 'clues/:id', element: read(<CluePage />) },
];
