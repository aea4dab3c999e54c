import { maskBirthDatesInRecord, maskDatesInText, maskPersonalDataInText, type PlaceNames } from '@qingfeng/core';
import type { WarningEventRow, WarningRow } from '../../db/schema.js';
import { placeNameOf } from '../organisations/index.js';
import type { Masking } from './evidence.presenter.js';
import type { TWarning } from './warnings.schemas.js';

/** The facts as a masked view shows them, and every birth date the explanation must then hide. */
function maskedFacts(facts: unknown, birthDates: readonly string[]) {
  const { masked, birthDates: named } = maskBirthDatesInRecord((facts ?? {}) as Record<string, unknown>, birthDates);
  return {
    facts: JSON.parse(maskPersonalDataInText(JSON.stringify(masked))) as Record<string, unknown>,
    hidden: [...birthDates, ...named],
  };
}

function maskText(text: string, hidden: readonly string[]): string {
  return maskDatesInText(maskPersonalDataInText(text), hidden);
}

/**
 * A warning's explanation (rendered from `facts`) as a masked view shows it: identity and
 * phone numbers masked, and neither `birthDates` (those of the people it names) nor a birth
 * date a fact names shown, in any form; `出生{birth_date}` would otherwise give back the
 * digits the masked number hides.
 */
export function maskExplanation(text: string, facts: unknown, birthDates: readonly string[]): string {
  return maskText(text, maskedFacts(facts, birthDates).hidden);
}

/**
 * A warning as lists show it; unless unmasked, its texts are masked as maskExplanation says.
 * Its division is named from `places` (read once for the whole page).
 */
export function presentWarning(row: WarningRow, masking: Masking, places: PlaceNames): TWarning {
  const hidden = masking.unmasked ? [] : maskedFacts(row.facts, masking.birthDates).hidden;
  const text = (value: string) => (masking.unmasked ? value : maskText(value, hidden));
  return {
    id: row.id,
    hitKey: row.hit_key,
    modelId: row.model_id,
    modelVersion: row.model_version,
    severity: row.severity,
    status: row.status,
    statusReason: row.status_reason === null ? null : text(row.status_reason),
    divisionCode: row.division_code,
    divisionName: row.division_code === null ? null : placeNameOf(places, row.division_code),
    subjectKey: row.subject_key,
    explanation: { zh: text(row.explanation_zh), en: text(row.explanation_en) },
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    lastRunId: row.last_run_id,
    retiredAt: row.retired_at,
    retiredReason: row.retired_reason,
    summary: {
      evidenceCount: row.evidence_count,
      itemCount: row.item_count,
      periodFrom: row.period_from,
      periodTo: row.period_to,
      amountTotal: row.amount_total === null ? null : Number(row.amount_total),
    },
  };
}

/** The facts, masked as the explanation is: a birth date keeps its year only. */
export function presentFacts(row: WarningRow, masking: Masking): Record<string, unknown> {
  if (masking.unmasked) return (row.facts ?? {}) as Record<string, unknown>;
  return maskedFacts(row.facts, masking.birthDates).facts;
}

/** One entry of a warning's trace; a handler's reason is masked as the explanation is. */
export function presentEvent(event: WarningEventRow, masking: Masking) {
  return {
    kind: event.kind,
    from: event.from_status,
    to: event.to_status,
    reason: event.reason === null || masking.unmasked ? event.reason : maskText(event.reason, masking.birthDates),
    by: event.username,
    runId: event.run_id,
    batchId: event.batch_id,
    at: event.at,
  };
}
