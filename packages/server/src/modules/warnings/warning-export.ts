import { boolLabel, evidenceRoleLabel, type Lang, type PlaceNames, watermarkText } from '@qingfeng/core';
import type { WarningServices } from './warning-services.js';
import type { WarningEvidenceRow } from '../../db/schema.js';
import { recordAudit } from '../audit/index.js';
import { rowJurisdictionOf } from '../datasets/index.js';
import { divisionCodesIn, findPlaceNames } from '../organisations/index.js';
import { divisionValuesOf, evidenceValuesInWords } from './evidence.presenter.js';
import { RETIRED_WORDS, SEVERITY_WORDS, STATUS_WORDS } from './warning-words.js';
import { type ViewedEvidence, viewEvidence } from './warning-evidence.js';
import { presentWarning } from './warnings.presenter.js';
import { type WarningFilter, WarningsRepository } from './warnings.repository.js';
import type { TExportedWarning, TSubject } from './warnings.schemas.js';
import type { WarningViewer } from './warnings.service.js';

// The watermark leads every line, so no row copied out of the file leaves it behind.
const CSV_COLUMNS = [
  'watermark',
  'id',
  'model_id',
  'model_version',
  'severity',
  'status',
  'division_code',
  'division_name',
  'first_seen_at',
  'last_seen_at',
  'explanation_zh',
  'explanation_en',
  'hit_key',
  'retired_at',
  'retired_reason',
  'evidence_count',
  'item_count',
  'period_from',
  'period_to',
  'amount_total',
  'subjects',
  'evidence_dataset',
  'evidence_batch_id',
  'evidence_row_no',
  'evidence_role',
  'evidence_outside_jurisdiction',
  'evidence_values',
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

// Warnings read together: one evidence query, one lake read per table and one subject-index
// query per page, whatever the number of warnings, and never more than a page in memory.
const PAGE = 100;

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

/**
 * The viewer's warnings matching the filter, each with its subjects and evidence rows as
 * the detail view shows them (masked: an export is never revealed), a page at a time.
 */
async function* presentExported(
  services: WarningServices,
  viewer: WarningViewer,
  filter: WarningFilter,
): AsyncGenerator<{ warning: TExportedWarning; places: PlaceNames }> {
  const repository = new WarningsRepository(services.database.db);
  const scope = await rowJurisdictionOf(services.database.db, viewer.jurisdictionPrefix);
  for await (const page of chunksOf(repository.streamWarnings(viewer.jurisdictionPrefix, filter, PAGE), PAGE)) {
    const evidence = await repository.findEvidenceOf(page.map((w) => w.id));
    const byWarning = new Map<number, WarningEvidenceRow[]>();
    for (const e of evidence) {
      const rows = byWarning.get(e.warning_id);
      if (rows) rows.push(e);
      else byWarning.set(e.warning_id, [e]);
    }
    const items = page.map((warning) => ({ warning, evidence: byWarning.get(warning.id) ?? [] }));
    const viewed = await viewEvidence(services, scope, items, false);
    // Every place the page names, warnings' divisions and evidence rows' alike, in one read.
    const codes = divisionCodesIn([
      ...page.map((w) => w.division_code),
      ...viewed.flatMap((v) => v.evidence.flatMap((e) => divisionValuesOf(e.dataset, e.values))),
    ]);
    const places = await findPlaceNames(services.database.db, codes);
    for (const [i, warning] of page.entries()) {
      const { masking, subjects, evidence: rows } = viewed[i] as ViewedEvidence;
      yield { warning: { ...presentWarning(warning, masking, places), subjects, evidence: rows }, places };
    }
  }
}

/** A warning's subjects in one cell: identifiers where shown, else the subject key. */
function subjectsCell(subjects: readonly TSubject[], lang: Lang): string {
  const withheld = lang === 'zh' ? '（不可见）' : ' (withheld)';
  return subjects.map((s) => s.identifier ?? `#${s.subjectKey}${s.withheld ? withheld : ''}`).join('; ');
}

/**
 * The warnings matching the filter inside the viewer's jurisdiction, with their subjects
 * and evidence rows, produced page by page so any number fits. JSON is an array of
 * warnings, each with `subjects` and `evidence` nested; CSV (UTF-8 with a BOM, for Excel)
 * has one line per evidence row, the warning's columns repeated on each, and one line with
 * empty evidence columns for a warning without evidence. Masked exactly as the detail
 * view: evidence rows of another jurisdiction are named with their values withheld, and
 * no birth date a masked identity number hides appears anywhere (the CLI's `warnings
 * export` too). Every CSV line and every JSON warning carries the watermark: who exported
 * it and when. The export itself is audited before the first line.
 */
export async function* exportWarnings(
  services: WarningServices,
  viewer: WarningViewer,
  filter: WarningFilter,
  format: 'csv' | 'json',
  lang: Lang = 'zh',
): AsyncGenerator<string> {
  await recordAudit(services.database.db, viewer.actor, {
    action: 'warning.export',
    objectType: 'warning',
    detail: { format, lang, ...filter },
  });
  const warnings = presentExported(services, viewer, filter);
  const watermark = watermarkText({ username: viewer.username }, services.clock.now());
  if (format === 'csv') {
    yield `\uFEFF${CSV_COLUMNS.join(',')}\r\n`;
    for await (const { warning: w, places } of warnings) {
      const head = [
        watermark,
        w.id,
        w.modelId,
        w.modelVersion,
        SEVERITY_WORDS[w.severity][lang],
        STATUS_WORDS[w.status][lang],
        w.divisionCode,
        w.divisionName?.[lang] ?? null,
        w.firstSeenAt,
        w.lastSeenAt,
        w.explanation.zh,
        w.explanation.en,
        w.hitKey,
        w.retiredAt,
        w.retiredReason === null ? null : RETIRED_WORDS[w.retiredReason][lang],
        w.summary.evidenceCount,
        w.summary.itemCount,
        w.summary.periodFrom,
        w.summary.periodTo,
        w.summary.amountTotal === null ? null : w.summary.amountTotal.toFixed(2),
        subjectsCell(w.subjects, lang),
      ];
      const lines = w.evidence.length === 0 ? [undefined] : w.evidence;
      for (const e of lines) {
        const tail = e
          ? [
              e.dataset,
              e.batchId,
              e.rowNo,
              evidenceRoleLabel(e.role, e.dataset, lang),
              boolLabel(e.outsideJurisdiction, lang),
              e.values === null ? null : evidenceValuesInWords(e.dataset, e.values, lang, places),
            ]
          : ['', '', '', '', '', null];
        yield `${[...head, ...tail].map(csvCell).join(',')}\r\n`;
      }
    }
    return;
  }
  yield '[';
  let first = true;
  for await (const { warning: w } of warnings) {
    yield `${first ? '' : ','}\n${JSON.stringify({ watermark, ...w })}`;
    first = false;
  }
  yield '\n]\n';
}
