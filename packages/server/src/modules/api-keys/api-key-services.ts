import type { DatasetServices } from '../datasets/index.js';
import type { KeyFailureWindows } from './key-failures.js';

/** What the API-key module needs: what a push's import needs, and the count of refused keys per address. */
export interface ApiKeyServices extends DatasetServices {
  readonly keyFailures: KeyFailureWindows;
}
