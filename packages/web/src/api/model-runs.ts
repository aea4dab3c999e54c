import { api } from './client';

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'skipped' | 'failed' | 'cancelled';
export type RunKind = 'full' | 'incremental';

export interface ModelRun {
  id: number;
  kind: RunKind | 'scheduled';
  status: RunStatus;
  models: { modelId: string; version: number; params: Record<string, unknown>; mode: RunKind }[];
  inputBatches: Record<string, number[]> | null;
  progress: { done: number; total: number };
  hitCounts: Record<string, number>;
  /** Milliseconds the engine took for each model that finished. */
  modelDurationsMs: Record<string, number>;
  errors: Record<string, string>;
  /** Models that did not run because their input datasets held no rows: the datasets each waits for. */
  skipped: Record<string, string[]>;
  /** How its models ended, each counted once (a skipped model is never counted as succeeded). */
  summary: { succeeded: number; skipped: number; failed: number; total: number };
  newWarnings: number;
  updatedWarnings: number;
  requestedBy: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  /** The jurisdiction the run read ('' = the whole country). */
  scopePrefix: string;
  /** The run covered more than the viewer's jurisdiction: its counts are not shown. */
  figuresWithheld: boolean;
}

export interface RunPage {
  items: ModelRun[];
  total: number;
  page: number;
  pageSize: number;
}

/** Whether a run may still change (and so is worth polling). */
export const isActiveRun = (run: ModelRun) => run.status === 'queued' || run.status === 'running';

/** Starts a run of some models, or of every enabled one, in the background. */
export function startRun(input: { models?: string[]; all?: boolean; kind: RunKind }): Promise<ModelRun> {
  return api.post<ModelRun>('/api/v1/model-runs', input);
}

export function listRuns(page: number, pageSize: number): Promise<RunPage> {
  return api.get<RunPage>('/api/v1/model-runs', { page, pageSize });
}

export function cancelRun(id: number): Promise<ModelRun> {
  return api.post<ModelRun>(`/api/v1/model-runs/${id}/cancel`);
}
