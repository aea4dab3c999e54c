import type { ModelSpec, Severity } from '@qingfeng/core';
import { api } from './client';
import type { Localised } from './datasets';

export type { Severity };
export const SEVERITIES: readonly Severity[] = ['red', 'orange', 'yellow'];

/** Where a model stands in its review: a builder model runs only once another person approved it. */
export type ReviewStatus = 'draft' | 'returned' | 'approved';

export interface ModelSummary {
  id: string;
  reviewStatus: ReviewStatus;
  source: 'builtin' | 'user';
  category: string;
  severity: Severity;
  name: Localised;
  enabled: boolean;
  schedule: string | null;
  currentVersion: number;
  inputs: string[];
  incremental: boolean;
  params: Record<string, unknown>;
  updatedAt: string;
}

export interface ModelVersion {
  version: number;
  params: Record<string, unknown>;
  documentVersion: number;
  changedBy: string | null;
  changedAt: string;
  reason: string;
}

/** One step of a model's review: who submitted, approved or returned which version, when, why. */
export interface ModelReview {
  version: number;
  step: 'submitted' | 'approved' | 'returned';
  by: string;
  at: string;
  reason: string | null;
}

export interface ModelDetail extends ModelSummary {
  /** The model document (core's ModelSpec), as the registry holds it. */
  document: ModelSpec;
  versions: ModelVersion[];
  reviews: ModelReview[];
  /** The user who submitted the draft under review (who may not approve it). */
  submittedBy: number | null;
}

export interface ModelFilter {
  category?: string;
  severity?: Severity;
}

export interface PreviewHit {
  hitKey: string;
  severity: Severity;
  subjectKeys: string[];
  evidence: { dataset: string; batchId: number; rowNo: number; role: string }[];
  facts: Record<string, unknown>;
  explanation: Localised;
}

export interface PreviewResult {
  hits: PreviewHit[];
  limited: boolean;
}

export async function listModels(filter: ModelFilter = {}): Promise<ModelSummary[]> {
  return (await api.get<{ items: ModelSummary[] }>('/api/v1/models', { ...filter })).items;
}

export function getModel(id: string): Promise<ModelDetail> {
  return api.get<ModelDetail>(`/api/v1/models/${encodeURIComponent(id)}`);
}

export function setModelEnabled(id: string, enabled: boolean): Promise<ModelDetail> {
  return api.post<ModelDetail>(`/api/v1/models/${encodeURIComponent(id)}/${enabled ? 'enable' : 'disable'}`);
}

/** '@daily', '@monthly' or a 5-field cron; null clears the schedule. */
export function setModelSchedule(id: string, schedule: string | null): Promise<ModelDetail> {
  return api.put<ModelDetail>(`/api/v1/models/${encodeURIComponent(id)}/schedule`, { schedule });
}

/** New parameter values: a new version, the reason on record. */
export function updateModelParameters(
  id: string,
  params: Record<string, unknown>,
  reason: string,
): Promise<ModelDetail> {
  return api.put<ModelDetail>(`/api/v1/models/${encodeURIComponent(id)}/parameters`, { params, reason });
}

/** Registers a model made in the builder (the same document format as the built-ins). */
export function createModel(document: ModelSpec, reason?: string): Promise<ModelDetail> {
  return api.post<ModelDetail>('/api/v1/models', { document, ...(reason ? { reason } : {}) });
}

/** Runs a draft document on the current data; nothing is saved. */
export function previewModel(document: ModelSpec, limit = 50): Promise<PreviewResult> {
  return api.post<PreviewResult>('/api/v1/models/preview', { document, limit });
}

/** The reviewer's preview of a stored model's current version, in their jurisdiction; nothing is saved. */
export function previewStoredModel(id: string, limit = 50): Promise<PreviewResult> {
  return api.post<PreviewResult>(`/api/v1/models/${encodeURIComponent(id)}/preview`, { limit });
}

/** Approves a draft someone else submitted: it is enabled and runs from now on. */
export function approveModel(id: string): Promise<ModelDetail> {
  return api.post<ModelDetail>(`/api/v1/models/${encodeURIComponent(id)}/approve`);
}

/** Returns a draft to its author with the reason. */
export function returnModel(id: string, reason: string): Promise<ModelDetail> {
  return api.post<ModelDetail>(`/api/v1/models/${encodeURIComponent(id)}/return`, { reason });
}
