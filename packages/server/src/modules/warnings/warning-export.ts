import type { AppServices } from '../../app-services.js';
import { recordAudit } from '../audit/audit.service.js';
import { presentWarning } from './warnings.presenter.js';
import { type WarningFilter, WarningsRepository } from './warnings.repository.js';
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

/**
 * The warnings matching the filter inside the viewer's jurisdiction, as CSV (UTF-8 with a
 * BOM, for Excel) or a JSON array, produced page by page so any number fits. Masked as in
 * the list. The export itself is audited before the first line.
 */
export async function* exportWarnings(
  services: AppServices,
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
  if (format === 'csv') {
    yield `\uFEFF${CSV_COLUMNS.join(',')}\r\n`;
    for await (const row of rows) {
      const w = presentWarning(row);
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
  for await (const row of rows) {
    yield `${first ? '' : ','}\n${JSON.stringify(presentWarning(row))}`;
    first = false;
  }
  yield '\n]\n';
}
