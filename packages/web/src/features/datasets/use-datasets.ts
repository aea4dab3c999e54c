import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type BatchQuery, getBatch, getDataset, listBatches, listDatasets } from '../../api/datasets';

export const DATASETS_KEY = ['datasets'] as const;
export const BATCHES_KEY = ['batches'] as const;

/** The catalogue with row counts. */
export function useDatasets() {
  return useQuery({ queryKey: DATASETS_KEY, queryFn: listDatasets });
}

/** One dataset type with its fields; idle until a type is chosen. */
export function useDataset(type: string | undefined) {
  return useQuery({
    queryKey: [...DATASETS_KEY, type],
    queryFn: () => getDataset(type ?? ''),
    enabled: type !== undefined,
    staleTime: 60_000,
  });
}

/** One page of batches; the previous page stays shown while the next loads. */
export function useBatches(query: BatchQuery) {
  return useQuery({
    queryKey: [...BATCHES_KEY, query],
    queryFn: () => listBatches(query),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

export function useBatch(id: number) {
  return useQuery({ queryKey: [...BATCHES_KEY, id], queryFn: () => getBatch(id) });
}
