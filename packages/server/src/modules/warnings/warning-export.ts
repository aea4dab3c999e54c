import type { WarningServices } from './warning-services.js';
import type { WarningRow } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { findWarningMasking } from './warning-masking.js';
import { presentWarning } from './warnings.presenter.js';
import { type WarningFilter, WarningsRepository } from './warnings.repository.js';
import type { TWarning } from './warnings.schemas.js';
import type { WarningViewer } from './warnings.service.js';

const CSV_COLUMNS = [
  'id',
  'model_id',
  'model_version',
  'severity',
  'status',
  'division_code',
  'first_seen_at',
  'last_seen_at',
  'explanation_zh',
  'explanation_en',
  'hit_key',
  'retired_at',
  'retired_reason',
] as const;

function csvCell(value: unknown): string {
  const text =
    value instanceof Date
      ? value.toISOString()
      : typeof value === 'string' || typeof value === 'number'
        ? String(value)
        : value === null || value === undefined
          ? ''
          : JSON.stringify(value);
  // Quote always, and defuse cells a spreadsheet would run as a formula.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

// Warnings masked together: one subject-index query per chunk.
const CHUNK = 200;

async function* chunksOf<T>(items: AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  let chunk: T[] = [];
  for await (const item of items) {
    chunk.push(item);
    if (chunk.length < size) continue;
    yield chunk;
    chunk = [];
  }
  if (chunk.length > 0) yield chunk;
}

/** The warnings of `rows`, masked (an export is never revealed). */
async function* presentMasked(services: WarningServices, rows: AsyncIterable<WarningRow>): AsyncGenerator<TWarning> {
  for await (const chunk of chunksOf(rows, CHUNK)) {
    const maskingOf = await findWarningMasking(services, chunk);
    for (const row of chunk) yield presentWarning(row, maskingOf(row));
  }
}

/**
 * The warnings matching the filter inside the viewer's jurisdiction, as CSV (UTF-8 with a
 * BOM, for Excel) or a JSON array, produced page by page so any number fits. Masked as in
 * the list, birth dates of the people named included (the CLI's `warnings export` too). The export itself is audited before the first line.
 */
export async function* exportWarnings(
  services: WarningServices,
  viewer: WarningViewer,
  filter: WarningFilter,
  format: 'csv' | 'json',
): AsyncGenerator<string> {
  await recordAudit(services.database.db, viewer.actor, {
    action: 'warning.export',
    objectType: 'warning',
    detail: { format, ...filter },
  });
  const rows = new WarningsRepository(services.database.db).streamWarnings(viewer.jurisdictionPrefix, filter);
  const warnings = presentMasked(services, rows);
  if (format === 'csv') {
    yield `\uFEFF${CSV_COLUMNS.join(',')}\r\n`;
    for await (const w of warnings) {
      const values = [
        w.id,
        w.modelId,
        w.modelVersion,
        w.severity,
        w.status,
        w.divisionCode,
        w.firstSeenAt,
        w.lastSeenAt,
        w.explanation.zh,
        w.explanation.en,
        w.hitKey,
        w.retiredAt,
        w.retiredReason,
      ];
      yield `${values.map(csvCell).join(',')}\r\n`;
    }
    return;
  }
  yield '[';
  let first = true;
  for await (const w of warnings) {
    yield `${first ? '' : ','}\n${JSON.stringify(w)}`;
    first = false;
  }
  yield '\n]\n';
}
