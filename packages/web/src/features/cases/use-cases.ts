import type { CaseAction } from '@qingfeng/core';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  addCaseSubject,
  type SubjectInput,
  type CaseFilter,
  type LedgerEntryInput,
  addLedgerEntry,
  findCaseOfClue,
  getCase,
  getLedger,
  listCaseStaff,
  listCases,
  listOverdueCases,
  takeCaseStep,
  uploadEvidence,
} from '../../api/cases';
import type { OverduePosition } from '../../api/clues';

export const CASES_KEY = ['cases'] as const;

/** The registry from `start` (keyset), a page at a time: "load more" asks for the next below the last id. */
export function useCases(filter: CaseFilter, start: number | undefined, limit: number) {
  return useInfiniteQuery({
    queryKey: [...CASES_KEY, 'list', filter, start ?? null, limit],
    queryFn: ({ pageParam }) => listCases(filter, pageParam, limit),
    initialPageParam: start,
    getNextPageParam: (page) => page.nextBefore ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** One page of the overdue list at `position`; the page shown stays while the next loads. */
export function useOverdueCases(position: OverduePosition, limit: number) {
  return useQuery({
    queryKey: [...CASES_KEY, 'overdue', position, limit],
    queryFn: () => listOverdueCases(position, limit),
    placeholderData: keepPreviousData,
    // A hand-edited position is refused (400) for good: asking again would not change that.
    retry: false,
  });
}

export function useCase(id: number) {
  return useQuery({ queryKey: [...CASES_KEY, 'one', id], queryFn: () => getCase(id) });
}

export function useCaseStaff(enabled: boolean) {
  return useQuery({ queryKey: [...CASES_KEY, 'staff'], queryFn: listCaseStaff, enabled });
}

/** The case a clue led to, when the user may read cases. */
export function useCaseOfClue(clueId: number, enabled: boolean) {
  return useQuery({ queryKey: [...CASES_KEY, 'by-clue', clueId], queryFn: () => findCaseOfClue(clueId), enabled });
}

export function useLedger(id: number) {
  return useQuery({ queryKey: [...CASES_KEY, 'ledger', id], queryFn: () => getLedger(id) });
}

/** Stores the case the server answered with, and refreshes the registry. */
function useCaseUpdate(id: number) {
  const client = useQueryClient();
  return (detail: Awaited<ReturnType<typeof getCase>>) => {
    client.setQueryData([...CASES_KEY, 'one', id], detail);
    return client.invalidateQueries({ queryKey: [...CASES_KEY, 'list'] });
  };
}

export function useTakeCaseStep(id: number) {
  const onSuccess = useCaseUpdate(id);
  return useMutation({
    mutationFn: ({ action, payload }: { action: CaseAction; payload: Record<string, unknown> }) =>
      takeCaseStep(id, action, payload),
    onSuccess,
  });
}

export function useUploadEvidence(id: number) {
  const onSuccess = useCaseUpdate(id);
  return useMutation({
    mutationFn: ({ file, title, onProgress }: { file: File; title: string; onProgress: (p: number) => void }) =>
      uploadEvidence(id, file, title, onProgress),
    onSuccess,
  });
}

export function useAddLedgerEntry(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (entry: LedgerEntryInput) => addLedgerEntry(id, entry),
    onSuccess: (ledger) => client.setQueryData([...CASES_KEY, 'ledger', id], ledger),
  });
}

/** Adds a subject; the case is then read again, and the registry too (the addition may recuse the reader). */
export function useAddCaseSubject(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (subject: SubjectInput) => addCaseSubject(id, subject),
    onSuccess: () => client.invalidateQueries({ queryKey: CASES_KEY }),
  });
}
