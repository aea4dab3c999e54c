import type { ClueAction } from '@qingfeng/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ClueFilter,
  type NewClue,
  createClue,
  findClueOfWarning,
  getClue,
  joinWarningsToClue,
  listClues,
  listOverdueClues,
  type OverduePosition,
  listParticipants,
  listProblemTypes,
  listRelatedClues,
  listWarningSubjects,
  takeClueStep,
} from '../../api/clues';

export const CLUES_KEY = ['clues'] as const;

/** One page of the registry, from `before` (keyset); the previous page stays shown while the next loads. */
export function useClues(filter: ClueFilter, before: number | undefined, limit: number) {
  return useQuery({
    queryKey: [...CLUES_KEY, 'list', filter, before ?? null, limit],
    queryFn: () => listClues(filter, before, limit),
    placeholderData: keepPreviousData,
  });
}

/** One page of the overdue list at `position`; the page shown stays while the next loads. */
export function useOverdueClues(position: OverduePosition, limit: number) {
  return useQuery({
    queryKey: [...CLUES_KEY, 'overdue', position, limit],
    queryFn: () => listOverdueClues(position, limit),
    placeholderData: keepPreviousData,
    // A hand-edited position is refused (400) for good: asking again would not change that.
    retry: false,
  });
}

export function useClue(id: number) {
  return useQuery({ queryKey: [...CLUES_KEY, 'one', id], queryFn: () => getClue(id) });
}

/** Possible duplicates and related clues of one clue. */
export function useRelatedClues(id: number) {
  return useQuery({ queryKey: [...CLUES_KEY, 'related', id], queryFn: () => listRelatedClues(id) });
}

export function useProblemTypes() {
  return useQuery({ queryKey: [...CLUES_KEY, 'problem-types'], queryFn: listProblemTypes, staleTime: 600_000 });
}

export function useParticipants(enabled: boolean) {
  return useQuery({ queryKey: [...CLUES_KEY, 'participants'], queryFn: listParticipants, enabled });
}

/** The clue a warning became or joined, when the user may read clues. */
export function useClueOfWarning(warningId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...CLUES_KEY, 'by-warning', warningId],
    queryFn: () => findClueOfWarning(warningId),
    enabled,
  });
}

/** The people these warnings name, to confirm as subjects of the clue made of them. */
export function useWarningSubjects(warningIds: number[]) {
  return useQuery({
    queryKey: [...CLUES_KEY, 'warning-subjects', warningIds],
    queryFn: () => listWarningSubjects(warningIds),
    enabled: warningIds.length > 0,
  });
}

/** Receives a clue, then refreshes the clue queries (a warning's clue among them). */
export function useCreateClue() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (clue: NewClue) => createClue(clue),
    onSuccess: () => client.invalidateQueries({ queryKey: CLUES_KEY }),
  });
}

/** Joins warnings to a clue, then refreshes the clue queries (the warnings' clue links among them). */
export function useJoinWarnings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ clueId, warningIds }: { clueId: number; warningIds: number[] }) =>
      joinWarningsToClue(clueId, warningIds),
    onSuccess: () => client.invalidateQueries({ queryKey: CLUES_KEY }),
  });
}

export function useTakeStep(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ action, payload }: { action: ClueAction; payload: Record<string, unknown> }) =>
      takeClueStep(id, action, payload),
    onSuccess: (detail) => {
      // A step that recused the user leaves nothing for them to see: the page goes back to the registry.
      if (detail) client.setQueryData([...CLUES_KEY, 'one', id], detail);
      else client.removeQueries({ queryKey: [...CLUES_KEY, 'one', id] });
      return Promise.all([
        client.invalidateQueries({ queryKey: [...CLUES_KEY, 'list'] }),
        client.invalidateQueries({ queryKey: [...CLUES_KEY, 'related'] }),
      ]);
    },
  });
}
