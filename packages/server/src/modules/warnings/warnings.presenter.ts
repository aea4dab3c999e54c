import {
  maskAccountsInText,
  maskDatesInText,
  maskDerivedInRecord,
  maskPersonalDataInText,
  maskRegionsInText,
  type PlaceNames,
} from '@qingfeng/core';
import type { WarningEventRow, WarningRow } from '../../db/schema.js';
import { placeNameOf } from '../organisations/index.js';
import type { Masking } from './evidence.presenter.js';
import type { TWarning } from './warnings.schemas.js';

/** What a text rendered from a warning's facts must not show: birth dates, regions of issue with their names, accounts. */
interface Hidden {
  dates: readonly string[];
  accounts: readonly string[];
  regions: readonly string[];
  regionNames: readonly string[];
}

/**
 * The facts as a masked view shows them, and what the explanation must then hide. The
 * explanation names a region of issue by its place name (`places`, when the caller has read
 * them), which gives back the digits the mask hides as surely as the code does.
 */
function maskedFacts(facts: unknown, birthDates: readonly string[], places?: PlaceNames) {
  const derived = maskDerivedInRecord((facts ?? {}) as Record<string, unknown>, birthDates);
  const regionNames = derived.regions.flatMap((code) => {
    const name = places ? placeNameOf(places, code) : null;
    return name ? [name.zh, name.en] : [];
  });
  const hidden: Hidden = {
    dates: [...birthDates, ...derived.birthDates],
    accounts: derived.accounts,
    regions: derived.regions,
    regionNames,
  };
  return {
    facts: JSON.parse(maskPersonalDataInText(JSON.stringify(derived.masked))) as Record<string, unknown>,
    hidden,
  };
}

function maskText(text: string, hidden: Hidden): string {
  const personal = maskAccountsInText(maskPersonalDataInText(text), hidden.accounts);
  return maskRegionsInText(maskDatesInText(personal, hidden.dates), hidden.regions, hidden.regionNames);
}

/**
 * A warning's explanation (rendered from `facts`) as a masked view shows it: identity and
 * phone numbers masked, an account number a fact names masked, and neither `birthDates`
 * (those of the people it names) nor a birth date or region of issue a fact names shown, in any form; `出生{birth_date}` would
 * otherwise give back the digits the masked number hides.
 */
export function maskExplanation(
  text: string,
  facts: unknown,
  birthDates: readonly string[],
  places?: PlaceNames,
): string {
  return maskText(text, maskedFacts(facts, birthDates, places).hidden);
}

const NOTHING_HIDDEN: Hidden = { dates: [], accounts: [], regions: [], regionNames: [] };

/**
 * A warning as lists show it; unless unmasked, its texts are masked as maskExplanation says.
 * Its division is named from `places` (read once for the whole page).
 */
export function presentWarning(row: WarningRow, masking: Masking, places: PlaceNames): TWarning {
  const hidden = masking.unmasked ? NOTHING_HIDDEN : maskedFacts(row.facts, masking.birthDates, places).hidden;
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

/** The facts, masked as the explanation is: no birth date, a region of issue cut to three digits. */
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
    reason:
      event.reason === null || masking.unmasked
        ? event.reason
        : maskText(event.reason, { ...NOTHING_HIDDEN, dates: masking.birthDates }),
    by: event.username,
    runId: event.run_id,
    batchId: event.batch_id,
    at: event.at,
  };
}
