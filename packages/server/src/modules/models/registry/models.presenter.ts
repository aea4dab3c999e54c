import { maskDerivedInRecord, maskPersonalDataInText, type PlaceNames } from '@qingfeng/core';
import type { ModelReviewRow, ModelVersionRow } from '../../../db/schema.js';
import { type ModelDocument, type ModelHit, renderExplanation } from '../../../models-engine/model-engine.js';
import type { ModelWithVersion } from './models.repository.js';
import type { TModelDetail, TModelSummary } from './models.schemas.js';

/** A registered model as lists show it. */
export function presentModel(model: ModelWithVersion): TModelSummary {
  const document = model.document as ModelDocument;
  return {
    id: model.id,
    reviewStatus: model.review_status,
    source: model.source,
    category: model.category,
    severity: model.severity,
    name: { zh: model.name_zh, en: model.name_en },
    enabled: model.enabled,
    schedule: model.schedule,
    currentVersion: model.current_version,
    inputs: [...document.inputs],
    incremental: document.incremental !== false,
    params: model.params as Record<string, unknown>,
    updatedAt: model.updated_at,
  };
}

/** A model with its document, every version and every review step: who did what, when and why. */
export function presentModelDetail(
  model: ModelWithVersion,
  versions: ModelVersionRow[],
  reviews: ModelReviewRow[],
): TModelDetail {
  return {
    ...presentModel(model),
    document: model.document as Record<string, unknown>,
    submittedBy: model.review_status === 'approved' ? null : model.submitted_by,
    reviews: reviews.map((r) => ({ version: r.version, step: r.step, by: r.by_name, at: r.at, reason: r.reason })),
    versions: versions.map((v) => ({
      version: v.version,
      params: v.params as Record<string, unknown>,
      documentVersion: (v.document as ModelDocument).version,
      changedBy: v.changed_by_name,
      changedAt: v.changed_at,
      reason: v.reason,
    })),
  };
}

/**
 * Preview hits; identity and phone numbers inside facts are masked (the lake holds keys, not
 * numbers), and a fact naming a birth date or region of issue is masked as in a masked warning.
 */
export function presentPreviewHit(document: ModelDocument, hit: ModelHit, places: PlaceNames) {
  const { masked } = maskDerivedInRecord(hit.facts, []);
  const facts = JSON.parse(maskPersonalDataInText(JSON.stringify(masked))) as Record<string, unknown>;
  return {
    hitKey: hit.hitKey,
    severity: hit.severity,
    subjectKeys: hit.subjectKeys.map(String),
    evidence: hit.evidence.map((e) => ({ ...e })),
    facts,
    explanation: renderExplanation(document, facts, places),
  };
}
