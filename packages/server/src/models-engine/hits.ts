import type { ModelSpec, Severity } from '@qingfeng/core';

/** One source row behind a hit: enough to find it in the lake and check it by hand. */
export interface EvidenceRef {
  readonly dataset: string;
  readonly batchId: number;
  readonly rowNo: number;
  /** What the row is in the hit ('payment', 'death'…). */
  readonly role: string;
  /**
   * For a row of the role the model's summary counts: the item it is (its natural key's md5,
   * else its place), and the period and amount the summary's facts give for it.
   */
  readonly item?: ItemValues;
}

/** What a counted row brings to its warning's summary (see ModelSpec.summary). */
export interface ItemValues {
  readonly key: string;
  /** 'YYYY-MM' or 'YYYY-MM-DD' (a timestamp's date), or null when the row has none. */
  readonly period: string | null;
  /** Yuan, or null. */
  readonly amount: number | null;
}

/** A hit of a model: one problem clue with the exact rows that produced it. */
export interface ModelHit {
  /** Stable across runs, engines and re-imports: `<model id>:<md5 of natural keys>`. */
  readonly hitKey: string;
  readonly modelId: string;
  readonly modelVersion: number;
  /** The primary subject first, then related subjects (officials, companies…); may be empty. */
  readonly subjectKeys: number[];
  readonly evidence: EvidenceRef[];
  /**
   * Values the explanation template names (render with core's renderExplanation); a timestamp
   * is its Asia/Shanghai wall-clock reading with the offset, e.g. `2024-03-02T01:30:00+08:00`.
   */
  readonly facts: Record<string, unknown>;
  readonly severity: Severity;
}

/** One row of a compiled model's result (see MODEL_OUTPUT_COLUMNS in core). */
export interface EvidenceRow {
  hit_key: string;
  subject_sk: number | string | null;
  evidence_dataset: string;
  evidence_batch: number;
  evidence_row: number;
  evidence_role: string;
  facts: string | null;
  severity: string | null;
  related_sks?: string | null;
  item_key?: string | null;
}

type SpecPart = Pick<ModelSpec, 'id' | 'version' | 'severity' | 'summary'>;

const PERIOD = /^\d{4}-\d{2}(-\d{2})?/;

/** A period fact as text that sorts in time order: a month, or the date of a date or timestamp. */
function periodOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  return PERIOD.exec(value)?.[0] ?? null;
}

function amountOf(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** The summary's values of a counted row, from the facts of the hit row it came in. */
function itemOf(
  row: EvidenceRow,
  facts: Record<string, unknown>,
  summary: ModelSpec['summary'],
): ItemValues | undefined {
  if (summary === undefined || row.evidence_role !== summary.items) return undefined;
  return {
    key: row.item_key ?? `${row.evidence_dataset}:${row.evidence_batch}:${row.evidence_row}`,
    period: summary.period === undefined ? null : periodOf(facts[summary.period]),
    amount: summary.amount === undefined ? null : amountOf(facts[summary.amount]),
  };
}

const SEVERITY_RANK: Record<Severity, number> = { yellow: 0, orange: 1, red: 2 };

function toKey(value: number | string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

function asSeverity(value: string | null, fallback: Severity): Severity {
  return value === 'red' || value === 'orange' || value === 'yellow' ? value : fallback;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Evidence order within a hit: dataset, batch, row, role (code-unit order, the same on both engines). */
function compareEvidence(a: EvidenceRow, b: EvidenceRow): number {
  return (
    compareText(a.evidence_dataset, b.evidence_dataset) ||
    Number(a.evidence_batch) - Number(b.evidence_batch) ||
    Number(a.evidence_row) - Number(b.evidence_row) ||
    compareText(a.evidence_role, b.evidence_role)
  );
}

/**
 * Groups evidence rows (in any order, repeats allowed) into hits, in hit-key order. A hit's
 * rows are taken in evidence order: evidence deduplicated by row, the facts of its first row
 * kept (later rows, from other branches, only add missing names), the highest severity kept.
 * So the result depends only on the set of rows, not on the order the engine returned them in.
 */
export function groupEvidenceRows(rows: Iterable<EvidenceRow>, spec: SpecPart): ModelHit[] {
  const byKey = new Map<string, EvidenceRow[]>();
  for (const row of rows) {
    const bucket = byKey.get(row.hit_key);
    if (bucket === undefined) byKey.set(row.hit_key, [row]);
    else bucket.push(row);
  }
  return [...byKey.keys()].sort(compareText).map((key) => mergeHit(key, byKey.get(key) ?? [], spec));
}

function mergeHit(hitKey: string, rows: EvidenceRow[], spec: SpecPart): ModelHit {
  rows.sort(compareEvidence);
  const hit: ModelHit = {
    hitKey,
    modelId: spec.id,
    modelVersion: spec.version,
    subjectKeys: [],
    evidence: [],
    facts: {},
    severity: asSeverity(rows[0]?.severity ?? null, spec.severity),
  };
  const seen = new Set<string>();
  const subjects = new Set<number>();
  for (const row of rows) {
    for (const key of [toKey(row.subject_sk), ...(row.related_sks ?? '').split(',').map(toKey)]) {
      if (key !== undefined && !subjects.has(key)) {
        subjects.add(key);
        hit.subjectKeys.push(key);
      }
    }
    // A row playing two roles (an anchor that is also in its own window) is listed once, under its first role.
    const id = `${row.evidence_dataset}:${row.evidence_batch}:${row.evidence_row}`;
    const facts = row.facts ? (JSON.parse(row.facts) as Record<string, unknown>) : {};
    if (!seen.has(id)) {
      seen.add(id);
      const item = itemOf(row, facts, spec.summary);
      hit.evidence.push({
        dataset: row.evidence_dataset,
        batchId: Number(row.evidence_batch),
        rowNo: Number(row.evidence_row),
        role: row.evidence_role,
        ...(item === undefined ? {} : { item }),
      });
    }
    for (const [k, v] of Object.entries(facts)) if (!(k in hit.facts)) hit.facts[k] = v;
    const severity = asSeverity(row.severity, spec.severity);
    if (SEVERITY_RANK[severity] > SEVERITY_RANK[hit.severity]) (hit as { severity: Severity }).severity = severity;
  }
  return hit;
}
