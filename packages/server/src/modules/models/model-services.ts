import type { WarningServices } from '../warnings/index.js';
import type { ModelRunQueue } from './runs/run-queue.js';

/** What the models module needs: the platform, the warnings it records, and this process's run queue. */
export interface ModelServices extends WarningServices {
  readonly modelRuns: ModelRunQueue;
}
