import { api } from './client';

/** One lake row under its catalogue field keys; personal data masked unless revealed. */
export interface DatasetRow {
  batchId: number;
  rowNo: number;
  values: Record<string, string | number | boolean | null>;
  lineageUrl: string;
}

export interface DatasetRowPage {
  datasetType: string;
  items: DatasetRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Whether personal data in `items` is whole (an audited reveal) or masked. */
  revealed: boolean;
}

export interface RowQuery {
  page: number;
  pageSize: number;
  batchId?: number;
  /** Field key → value the rows must hold. */
  filters?: Record<string, string>;
  /** Asks for identifiers, names and phones whole: needs person.read; audited with the reason. */
  revealReason?: string;
}

/** A page of a dataset's rows inside the viewer's jurisdiction. */
export function listDatasetRows(type: string, query: RowQuery): Promise<DatasetRowPage> {
  const { filters = {}, revealReason, ...rest } = query;
  const filterParams = Object.fromEntries(Object.entries(filters).map(([key, value]) => [`filter[${key}]`, value]));
  const reveal = revealReason ? { reveal: true, reason: revealReason } : {};
  return api.get<DatasetRowPage>(`/api/v1/datasets/${encodeURIComponent(type)}/rows`, {
    ...rest,
    ...filterParams,
    ...reveal,
  });
}
