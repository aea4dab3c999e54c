import { api } from './client';

type Scalar = string | number | boolean | null;

/** Figures of one field over the rows in view. */
export interface FieldQuality {
  key: string;
  label: { zh: string; en: string };
  type: string;
  required: boolean;
  nonNull: number;
  /** Share of rows with a value, 0–1; null when there are no rows. */
  completeness: number | null;
  distinct: number;
  /** Dates, months, times, money and numbers: the smallest and largest value. */
  min?: Scalar;
  max?: Scalar;
  /** Identifier fields: values loaded against rows rejected for the column. */
  identifier?: { loaded: number; rejected: number; validRate: number | null };
  /** Enum fields: the ten most frequent codes. */
  topValues?: { value: Scalar; count: number }[];
  /** Money fields: ten equal-width buckets between min and max. */
  histogram?: { from: number; to: number; count: number }[];
}

/** Rows sharing a natural key. */
export interface DuplicateKey {
  fields: string[];
  groups: number;
  rows: number;
  examples: { group: number; batchId: number; rowNo: number; lineageUrl: string }[];
}

/** A quality report of a dataset or one batch, as the viewer's jurisdiction sees it. */
export interface QualityReport {
  datasetType: string;
  batchId: number | null;
  jurisdictionPrefix: string;
  computedAt: string;
  /** True when answered from the stored snapshot rather than computed for this request. */
  cached: boolean;
  rows: number;
  batches: { count: number; rowsRead: number; rowsRejected: number };
  fields: FieldQuality[];
  duplicates: DuplicateKey[];
}

/** The quality of a whole dataset, or of the rows one batch loaded; `refresh` recomputes in the lake. */
export function getQuality(target: { datasetType: string; batchId?: number }, refresh = false): Promise<QualityReport> {
  const path =
    target.batchId === undefined
      ? `/api/v1/datasets/${encodeURIComponent(target.datasetType)}/quality`
      : `/api/v1/batches/${target.batchId}/quality`;
  return api.get<QualityReport>(path, refresh ? { refresh: true } : {});
}
