import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { BUILTIN_MODELS } from '@qingfeng/core';
import {
  type ModelDetail,
  type ModelFilter,
  approveModel,
  getModel,
  listModels,
  returnModel,
  setModelEnabled,
  setModelSchedule,
  updateModelParameters,
} from '../../api/models';
import { type ModelRun, isActiveRun, listRuns } from '../../api/model-runs';
import type { Localised } from '../../api/datasets';
import { getModelStats } from '../../api/warnings';
import { useCan } from '../auth/use-me';

export const MODELS_KEY = ['models'] as const;
export const RUNS_KEY = ['model-runs'] as const;

/** Registered models; idle when `enabled` is false (users without model.read). */
export function useModels(filter: ModelFilter = {}, enabled = true) {
  return useQuery({ queryKey: [...MODELS_KEY, 'list', filter], queryFn: () => listModels(filter), enabled });
}

export function useModel(id: string) {
  return useQuery({ queryKey: [...MODELS_KEY, 'one', id], queryFn: () => getModel(id) });
}

export function useModelStats(id: string) {
  return useQuery({ queryKey: ['warning-stats', id], queryFn: () => getModelStats(id) });
}

/** The mutations of one model; each refreshes the lists and the detail. */
export function useModelActions(id: string) {
  const client = useQueryClient();
  const onSuccess = (detail: ModelDetail) => {
    client.setQueryData([...MODELS_KEY, 'one', id], detail);
    void client.invalidateQueries({ queryKey: [...MODELS_KEY, 'list'] });
  };
  return {
    toggle: useMutation({ mutationFn: (enabled: boolean) => setModelEnabled(id, enabled), onSuccess }),
    schedule: useMutation({ mutationFn: (schedule: string | null) => setModelSchedule(id, schedule), onSuccess }),
    approve: useMutation({ mutationFn: () => approveModel(id), onSuccess }),
    reject: useMutation({ mutationFn: (reason: string) => returnModel(id, reason), onSuccess }),
    parameters: useMutation({
      mutationFn: (input: { params: Record<string, unknown>; reason: string }) =>
        updateModelParameters(id, input.params, input.reason),
      onSuccess,
    }),
  };
}

/**
 * Runs, newest first. While any run on the page is queued or running the list is polled
 * every 1.5 s, so progress bars move without a reload.
 */
export function useRuns(page: number, pageSize: number) {
  return useQuery({
    queryKey: [...RUNS_KEY, page, pageSize],
    queryFn: () => listRuns(page, pageSize),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.items.some((r: ModelRun) => isActiveRun(r)) ? 1500 : false),
  });
}

/**
 * Model names by id. Users without model.read (handlers) still see the built-ins' names
 * from the shipped library; their own models fall back to the id.
 */
export function useModelNames(): (id: string) => Localised | undefined {
  const can = useCan();
  const models = useModels({}, can('model.read'));
  return (id) =>
    models.data?.find((m) => m.id === id)?.name ?? BUILTIN_MODELS.find((m) => m.id === id)?.name ?? undefined;
}
