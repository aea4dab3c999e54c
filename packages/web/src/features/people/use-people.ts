import { useMutation, useQuery } from '@tanstack/react-query';
import { getPerson, searchPeople } from '../../api/people';

/** A search by name or identity number: a mutation, as each search is an audited act, never repeated by a cache. */
export function usePersonSearch() {
  return useMutation({ mutationFn: (q: string) => searchPeople(q) });
}

/** A person's page; `reason` (when given) asks for the whole identity number. */
export function usePerson(subjectKey: string, reason: string | undefined) {
  return useQuery({
    queryKey: ['people', subjectKey, reason ?? null],
    queryFn: () => getPerson(subjectKey, reason),
  });
}
