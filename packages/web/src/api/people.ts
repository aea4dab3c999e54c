import { api } from './client';
import type { Warning } from './warnings';

/** A person a search found, masked, with how many of their live warnings the viewer may read. */
export interface PersonMatch {
  subjectKey: string;
  name: string | null;
  idNumber: string;
  warningCount: number;
}

export interface PersonSearchResult {
  /** What the text was taken for: an identity number (it holds a digit) or the beginning of a name. */
  by: 'id_number' | 'name';
  items: PersonMatch[];
}

/** A person's page: who they are (masked unless revealed) and every warning naming them in the viewer's jurisdiction. */
export interface Person {
  subjectKey: string;
  name: string | null;
  idNumber: string;
  masked: boolean;
  warnings: Warning[];
  total: number;
}

/** Longest text the server searches for. */
export const MAX_SEARCH_CHARS = 40;

/** Sent in the body, so the identity number searched for is in no URL. */
export function searchPeople(q: string): Promise<PersonSearchResult> {
  return api.post<PersonSearchResult>('/api/v1/people/search', { q });
}

export function getPerson(subjectKey: string, reason?: string): Promise<Person> {
  return api.get<Person>(`/api/v1/people/${encodeURIComponent(subjectKey)}`, { reason });
}
