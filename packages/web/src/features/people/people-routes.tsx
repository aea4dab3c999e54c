import type { RouteObject } from 'react-router';
import { RequirePermission } from '../auth/auth-gate';
import { PersonPage } from './person-page';

/** A person's page: their warnings are warnings, their name and number personal data, so both permissions. */
export const PEOPLE_ROUTES: RouteObject[] = [
  {
    path: 'people/:subjectKey',
    element: (
      <RequirePermission permission={['warning.read', 'person.read']}>
        <PersonPage />
      </RequirePermission>
    ),
  },
];
