import type { CaseAction, CaseState, MeasureKind, PropertyKind, PropertyPlace } from '@qingfeng/core';
import { api, uploadFile } from './client';
import type { ClueDeadline, OverduePosition, ProcedureStep } from './clues';
import type { Localised } from './datasets';

export interface CaseSummary {
  id: number;
  caseNumber: string | null;
  clueId: number | null;
  title: string;
  problemType: string;
  problemTypeLabel: Localised;
  state: CaseState;
  stateLabel: Localised;
  divisionCode: string;
  deadline: ClueDeadline | null;
  createdAt: string;
  updatedAt: string;
}

export interface CaseEvidence {
  id: number;
  title: string;
  kind: 'file' | 'record';
  fileName: string;
  mediaType: string;
  size: number;
  hashName: 'sha256' | 'sm3';
  hash: string;
  supersedes: number | null;
  supersededBy: number | null;
  addedByName: string;
  addedAt: string;
}

type Words = { label: Localised; value: Localised };

export interface CaseDetail extends CaseSummary {
  summary: string;
  subjects: { id: number; kind: 'official' | 'unit'; name: string; position: string | null; idNumber: string | null }[];
  investigators: string[];
  trialReviewers: string[];
  measures: {
    id: string;
    kind: MeasureKind;
    kindLabel: Localised;
    status: string;
    statusLabel: Localised;
    needsApproval: boolean;
    proposedAt: string;
    deadline: ClueDeadline | null;
  }[];
  evidence: CaseEvidence[];
  dispositions: { subject: string; outcome: Words[]; form: Localised | null }[];
  decided: { at: string; by: string } | null;
  timeline: ProcedureStep[];
  allowedActions: { action: CaseAction; label: Localised }[];
}

export interface CaseFilter {
  state?: CaseState;
  overdue?: 'true';
}

export interface PropertyLocation {
  place: PropertyPlace;
  where: string;
}

export interface CaseLedger {
  items: {
    itemId: string;
    kind: PropertyKind;
    kindLabel: Localised;
    description: string;
    unit: 'fen' | 'piece';
    registered: number;
    locations: (PropertyLocation & { placeLabel: Localised; quantity: number })[];
  }[];
  balance: {
    registered: { fen: number; piece: number };
    totals: Record<'fen' | 'piece', Record<PropertyPlace, number>>;
    balanced: boolean;
  };
}

export type LedgerEntryInput =
  | {
      type: 'register';
      kind: PropertyKind;
      description: string;
      unit: 'fen' | 'piece';
      quantity: number;
      to: PropertyLocation;
    }
  | {
      type: 'move';
      itemId: string;
      quantity: number;
      from: PropertyLocation;
      to: PropertyLocation;
      authority?: string;
    };

export const listCases = (filter: CaseFilter, before: number | undefined, limit: number) =>
  api.get<{ items: CaseSummary[]; nextBefore: number | null }>('/api/v1/cases', { ...filter, before, limit });
export interface OverdueCasePage {
  items: CaseSummary[];
  nextCursor: string | null;
  prevCursor: string | null;
}
/** A page of the overdue cases, the earliest deadline first, after or before a position a previous page gave. */
export const listOverdueCases = (position: OverduePosition, limit: number) =>
  api.get<OverdueCasePage>('/api/v1/cases/overdue', { ...position, limit });
/** A person or unit to add to a case; the server checks the identity number and refuses one already named. */
export interface SubjectInput {
  kind: 'official' | 'unit';
  name: string;
  position?: string;
  idNumber?: string;
  creditCode?: string;
}
export const addCaseSubject = (id: number, subject: SubjectInput) =>
  api.post<void>(`/api/v1/cases/${id}/subjects`, subject);
export const getCase = (id: number) => api.get<CaseDetail>(`/api/v1/cases/${id}`);
export const takeCaseStep = (id: number, action: CaseAction, payload: Record<string, unknown>) =>
  api.post<CaseDetail>(`/api/v1/cases/${id}/steps`, { action, payload });
export const findCaseOfClue = (clueId: number) => api.get<{ caseId: number | null }>(`/api/v1/cases/by-clue/${clueId}`);
export const listCaseStaff = () =>
  api.get<{ items: { id: number; name: string; role: string }[] }>('/api/v1/cases/staff');
export const uploadEvidence = (id: number, file: File, title: string, onProgress: (percent: number) => void) =>
  uploadFile<CaseDetail>(`/api/v1/cases/${id}/evidence`, file, onProgress, { title });
export const getLedger = (id: number) => api.get<CaseLedger>(`/api/v1/cases/${id}/property`);
export const addLedgerEntry = (id: number, entry: LedgerEntryInput) =>
  api.post<CaseLedger>(`/api/v1/cases/${id}/property`, entry);
