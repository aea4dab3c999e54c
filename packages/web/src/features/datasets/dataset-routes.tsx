import type { RouteObject } from 'react-router';
import { RequirePermission } from '../auth/auth-gate';
import { BatchPage } from './batch-page';
import { BatchesPage } from './batches-page';
import { CataloguePage } from './catalogue-page';
import { DatasetPage } from './dataset-page';
import { ImportPage } from './import-page';
import { QualityPage } from './quality-page';

const read = (page: React.ReactNode) => <RequirePermission permission="dataset.read">{page}</RequirePermission>;

/** The console's dataset pages, mounted under the signed-in layout. */
export const DATASET_ROUTES: RouteObject[] = [
  { path: 'datasets', element: read(<CataloguePage />) },
  { path: 'datasets/:type', element: read(<DatasetPage />) },
  { path: 'data-import', element: <RequirePermission permission="dataset.import">{<ImportPage />}</RequirePermission> },
  { path: 'import-batches', element: read(<BatchesPage />) },
  { path: 'import-batches/:id', element: read(<BatchPage />) },
  { path: 'data-quality', element: read(<QualityPage />) },
];
