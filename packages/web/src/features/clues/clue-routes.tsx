import type { RouteObject } from 'react-router';
import { RequirePermission } from '../auth/auth-gate';
import { CluePage } from './clue-page';
import { CluesPage } from './clues-page';

const read = (page: React.ReactNode) => <RequirePermission permission="clue.read">{page}</RequirePermission>;

/** The clue pages (registry, one clue), mounted under the signed-in layout. */
export const CLUE_ROUTES: RouteObject[] = [
  { path: 'clues', element: read(<CluesPage />) },
  { path: 'clues/:id', element: read(<CluePage />) },
];
