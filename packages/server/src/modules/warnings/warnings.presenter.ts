import { maskPersonalDataInText } from '@qingfeng/core';
import type { WarningEventRow, WarningRow } from '../../db/schema.js';
import type { TWarning } from './warnings.schemas.js';

function maskText(text: string, unmasked: boolean): string {
  return unmasked ? text : maskPersonalDataInText(text);
}

/** A warning as lists show it; numbers that look like identity or phone numbers are masked. */
export function presentWarning(row: WarningRow, unmasked = false): TWarning {
  return {
    id: row.id,
    hitKey: row.hit_key,
    modelId: row.model_id,
    modelVersion: row.model_version,
    severity: row.severity,
    status: row.status,
    statusReason: row.status_reason,
    divisionCode: row.division_code,
    subjectKey: row.subject_key,
    explanation: { zh: maskText(row.explanation_zh, unmasked), en: maskText(row.explanation_en, unmasked) },
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    lastRunId: row.last_run_id,
    retiredAt: row.retired_at,
    retiredReason: row.retired_reason,
  };
}

/** The facts, masked as the explanation is. */
export function presentFacts(row: WarningRow, unmasked: boolean): Record<string, unknown> {
  const text = JSON.stringify(row.facts ?? {});
  return JSON.parse(maskText(text, unmasked)) as Record<string, unknown>;
}

export function presentEvent(event: WarningEventRow) {
  return {
    kind: event.kind,
    from: event.from_status,
    to: event.to_status,
    reason: event.reason,
    by: event.username,
    runId: event.run_id,
    batchId: event.batch_id,
    at: event.at,
  };
}
