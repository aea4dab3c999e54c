import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type WarningCursor,
  type WarningFilter,
  type WarningSort,
  type WarningStatus,
  changeWarningStatus,
  changeWarningsStatus,
  getWarning,
  listWarnings,
} from '../../api/warnings';

export const WARNINGS_KEY = ['warnings'] as const;

/** One page of warnings; the previous page stays shown while the next loads. */
export function useWarnings(
  filter: WarningFilter,
  page: number,
  pageSize: number,
  sort?: WarningSort,
  cursor: WarningCursor = {},
) {
  return useQuery({
    queryKey: [...WARNINGS_KEY, 'list', filter, page, pageSize, sort ?? null, cursor],
    queryFn: () => listWarnings(filter, page, pageSize, sort, cursor),
    placeholderData: keepPreviousData,
  });
}

/** One warning; `reason` (when given) asks for the unmasked evidence. */
export function useWarning(id: number, reason: string | undefined) {
  return useQuery({
    queryKey: [...WARNINGS_KEY, 'one', id, reason ?? null],
    queryFn: () => getWarning(id, reason),
  });
}

export interface StatusChange {
  ids: number[];
  status: WarningStatus;
  reason?: string;
}

/** Changes one or several warnings' status, then refreshes every warning query. */
export function useChangeStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ ids, status, reason }: StatusChange) => {
      const [only] = ids;
      if (ids.length === 1 && only !== undefined) await changeWarningStatus(only, status, reason);
      else await changeWarningsStatus(ids, status, reason);
    },
    onSuccess: () => client.invalidateQueries({ queryKey: WARNINGS_KEY }),
  });
}
