import { api, uploadFile } from './client';
import type { Localised } from './datasets';

export type OrgKind = 'commission' | 'office' | 'unit';
export type CommissionLevel = 'province' | 'city' | 'county' | 'township';
export type UnitType = 'department' | 'soe' | 'school' | 'hospital' | 'village' | 'other';

export const ORG_KINDS: readonly OrgKind[] = ['commission', 'office', 'unit'];
export const COMMISSION_LEVELS: readonly CommissionLevel[] = ['province', 'city', 'county', 'township'];
export const UNIT_TYPES: readonly UnitType[] = ['department', 'soe', 'school', 'hospital', 'village', 'other'];

export interface Organisation {
  id: number;
  code: string;
  name: string;
  kind: OrgKind;
  level: CommissionLevel | null;
  officeType: string | null;
  unitType: UnitType | null;
  parentId: number | null;
  divisionCode: string;
  /** The division's place name; null when the division register does not name it. */
  divisionName: Localised | null;
  createdAt: string;
  updatedAt: string;
}

export type OrganisationNode = Organisation & { children: OrganisationNode[] };

/** `POST /api/v1/organisations`; a commission gets its level's standard offices unless `offices` says otherwise. */
export interface OrganisationInput {
  code: string;
  name: string;
  kind: OrgKind;
  level?: CommissionLevel;
  officeType?: string;
  unitType?: UnitType;
  parentId?: number;
  divisionCode: string;
  offices?: string[];
}

export type OrganisationUpdate = Partial<
  Pick<OrganisationInput, 'name' | 'level' | 'officeType' | 'unitType' | 'parentId' | 'divisionCode'>
>;

/** One bad cell of a rejected import (the import is all or nothing). */
export interface ImportProblem {
  row: number;
  column: string;
  value: string;
  reason: string;
}

export interface ImportReport {
  encoding: 'utf-8' | 'gb18030';
  rows: number;
  inserted: number;
  updated: number;
  officesCreated?: number;
}

export interface Division {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

interface OrganisationList {
  items?: Organisation[];
  tree?: OrganisationNode[];
  total: number;
}

/** The organisations within the user's jurisdiction, as a tree. */
export async function listOrganisationTree(): Promise<OrganisationNode[]> {
  const body = await api.get<OrganisationList>('/api/v1/organisations', { view: 'tree' });
  return body.tree ?? [];
}

export function getOrganisation(id: number): Promise<Organisation> {
  return api.get<Organisation>(`/api/v1/organisations/${id}`);
}

export function createOrganisation(input: OrganisationInput): Promise<Organisation> {
  return api.post<Organisation>('/api/v1/organisations', input);
}

export function updateOrganisation(id: number, input: OrganisationUpdate): Promise<Organisation> {
  return api.patch<Organisation>(`/api/v1/organisations/${id}`, input);
}

export function importOrganisations(file: File, onProgress: (percent: number) => void): Promise<ImportReport> {
  return uploadFile<ImportReport>('/api/v1/organisations/import', file, onProgress);
}

export function importDivisions(file: File, onProgress: (percent: number) => void): Promise<ImportReport> {
  return uploadFile<ImportReport>('/api/v1/divisions/import', file, onProgress);
}

export async function searchDivisions(query: { parent?: string; q?: string; limit?: number }): Promise<Division[]> {
  const body = await api.get<{ items: Division[] }>('/api/v1/divisions', query);
  return body.items;
}
