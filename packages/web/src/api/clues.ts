import type { ClueAction, ClueSource, ClueState, FirstFormOutcome } from '@qingfeng/core';
import { api } from './client';
import type { Localised } from './datasets';

export interface ClueDeadline {
  step: string;
  startedOn: string;
  dueOn: string;
  remindOn: string[];
  label: Localised;
  status: 'running' | 'reminding' | 'due_today' | 'overdue';
  daysLeft: number;
}

export interface ClueSummary {
  id: number;
  registrationNumber: string | null;
  title: string;
  source: ClueSource;
  sourceLabel: Localised;
  problemType: string;
  problemTypeLabel: Localised;
  state: ClueState;
  stateLabel: Localised;
  divisionCode: string;
  deadline: ClueDeadline | null;
  createdAt: string;
  updatedAt: string;
}

/** One entry of a clue's or a case's timeline. */
export interface ProcedureStep {
  id: string;
  action: string;
  actionLabel: Localised;
  from: string;
  fromLabel: Localised;
  to: string;
  toLabel: Localised;
  actorName: string;
  at: string;
  reason: string | null;
  details: { label: Localised; value: Localised }[];
  attachments: { name: string; hash: string }[];
  deadline: Omit<ClueDeadline, 'status' | 'daysLeft'> | null;
}

export interface ClueDetail extends ClueSummary {
  summary: string;
  responsibleUserId: number | null;
  responsible: { name: string; office: string } | null;
  proposal: { disposal: string; label: Localised; transferTo: string | null } | null;
  subjects: {
    kind: 'official' | 'unit';
    name: string;
    position: string | null;
    idNumber: string | null;
    creditCode: string | null;
  }[];
  warningIds: number[];
  links: { clueId: number; kind: 'merged' | 'related' }[];
  timeline: ProcedureStep[];
  allowedActions: { action: ClueAction; label: Localised }[];
}

/** The registry's filters, named as the API's query (and the console's URL) names them. */
export interface ClueFilter {
  state?: ClueState;
  source?: ClueSource;
  problemType?: string;
  overdue?: 'true';
  /** Filters the statistics link to: a division prefix, the responsible office, days received or entering the state. */
  division?: string;
  office?: string;
  from?: string;
  to?: string;
  enteredFrom?: string;
  enteredTo?: string;
  firstForm?: FirstFormOutcome;
  running?: 'true';
}

export interface NewClue {
  source: ClueSource;
  problemType: string;
  title: string;
  summary: string;
  divisionCode?: string;
  subjects?: {
    kind: 'official' | 'unit';
    name: string;
    position?: string;
    idNumber?: string;
    creditCode?: string;
  }[];
  warningIds?: number[];
  /** People the warnings name whom the handler confirms as subjects (the server fills in name and number). */
  warningSubjects?: { warningId: number; subjectKey: number; position?: string }[];
}

/** A person a warning names, offered as a subject of the clue made of it (identity number masked). */
export interface WarningSubject {
  warningId: number;
  subjectKey: number;
  primary: boolean;
  name: string;
  idNumber: string;
}
export const listWarningSubjects = (warningIds: number[]) =>
  api.get<{ items: WarningSubject[] }>('/api/v1/clues/warning-subjects', { warningIds: warningIds.join(',') });

export const listClues = (filter: ClueFilter, before: number | undefined, limit: number) =>
  api.get<{ items: ClueSummary[]; nextBefore: number | null }>('/api/v1/clues', { ...filter, before, limit });
/** Where a page of the overdue list starts: after or before an opaque position a previous page gave. */
export interface OverduePosition {
  after?: string;
  before?: string;
}
export interface OverduePage {
  items: ClueSummary[];
  nextCursor: string | null;
  prevCursor: string | null;
}
/** A page of the overdue clues, the earliest deadline first. */
export const listOverdueClues = (position: OverduePosition, limit: number) =>
  api.get<OverduePage>('/api/v1/clues/overdue', { ...position, limit });
export const getClue = (id: number) => api.get<ClueDetail>(`/api/v1/clues/${id}`);
export const createClue = (clue: NewClue) => api.post<ClueDetail>('/api/v1/clues', clue);
/** Confirmed warnings of the jurisdiction, in no clue yet, joining an open clue: the clue as it now stands. */
export const joinWarningsToClue = (id: number, warningIds: number[]) =>
  api.post<ClueDetail>(`/api/v1/clues/${id}/warnings`, { warningIds });
/** The clue after the step, or undefined when the step recused the user (they may no longer open it). */
export const takeClueStep = (id: number, action: ClueAction, payload: Record<string, unknown>) =>
  api.post<ClueDetail | undefined>(`/api/v1/clues/${id}/steps`, { action, payload });

/** Another clue that may duplicate or relate to this one, why, and how the two are already tied. */
export interface RelatedClue extends ClueSummary {
  reasons: { code: 'same_person' | 'same_unit' | 'same_warning_subject'; label: Localised }[];
  linked: 'merged' | 'related' | null;
}
export const listRelatedClues = (id: number) => api.get<{ items: RelatedClue[] }>(`/api/v1/clues/${id}/related`);
export const listProblemTypes = () =>
  api.get<{ items: { code: string; label: Localised }[] }>('/api/v1/clues/problem-types');
export const listParticipants = () =>
  api.get<{ items: { id: number; name: string; role: string }[] }>('/api/v1/clues/participants');
export const findClueOfWarning = (warningId: number) =>
  api.get<{ clueId: number | null }>(`/api/v1/clues/by-warning/${warningId}`);
