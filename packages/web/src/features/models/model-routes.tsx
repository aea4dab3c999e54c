import type { Permission } from '@qingfeng/core';
import type { RouteObject } from 'react-router';
import { RequirePermission } from '../auth/auth-gate';
import { BuilderPage } from './builder/builder-page';
import { ModelPage } from './model-page';
import { ModelsPage } from './models-page';
import { RunsPage } from './runs-page';

const gate = (permission: Permission, page: React.ReactNode) => (
  <RequirePermission permission={permission}>{page}</RequirePermission>
);

/** The model pages (library, one model, runs, builder), mounted under the signed-in layout. */
export const MODEL_ROUTES: RouteObject[] = [
  { path: 'models', element: gate('model.read', <ModelsPage />) },
  { path: 'models/:id', element: gate('model.read', <ModelPage />) },
  { path: 'model-runs', element: gate('model.read', <RunsPage />) },
  { path: 'model-builder', element: gate('model.manage', <BuilderPage />) },
  { path: 'models/:id/builder', element: gate('model.manage', <BuilderPage />) },
];
