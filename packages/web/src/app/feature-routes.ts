import type { RouteObject } from 'react-router';

/**
 * The feature route tables (datasets, models, warnings, people, clues, cases), each with its pages in a chunk.
 * Apart from the router, so that the browser tests can read every route the console has.
 */
export const FEATURE_ROUTES: (() => Promise<RouteObject[]>)[] = [
  () => import('../features/datasets/dataset-routes').then((m) => m.DATASET_ROUTES),
  () => import('../features/models/model-routes').then((m) => m.MODEL_ROUTES),
  () => import('../features/warnings/warning-routes').then((m) => m.WARNING_ROUTES),
  () => import('../features/people/people-routes').then((m) => m.PEOPLE_ROUTES),
  () => import('../features/clues/clue-routes').then((m) => m.CLUE_ROUTES),
  () => import('../features/cases/case-routes').then((m) => m.CASE_ROUTES),
];
