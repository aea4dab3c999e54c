/**
 * Measures the comparison models against the demo region's ground truth: which planted
 * cases the models found, which decoys they wrongly flagged, and what else they flagged.
 *
 * Matching, precisely:
 * - A case's subjects (identity numbers, credit codes) become subject keys through the
 *   lake's blind index (`subject_index.identifier_hash = fieldCrypto.blindIndex(id)`).
 * - Each evidence item of a case (dataset + key field values) resolves to the lake rows
 *   whose key fields hold those values: an id/uscc/subject field through its `<key>_sk`
 *   column and the blind index, any other field compared in its column's type.
 * - A hit *touches* a case when it is a hit of the case's model, shares a subject key with
 *   the case (when the case's subjects resolve) and cites at least one of the case's rows.
 * - A planted case is *found* when hits touch it and, for every evidence item whose dataset
 *   those hits cite at all, some touching hit cites one of the item's rows (so a case must be
 *   covered whole; an item of a dataset the model never cites, such as the report whose
 *   absence P04 notices, is not asked for).
 * - A case is one problem and should be one warning: a planted case touched by more than one
 *   hit is counted as *split* (the table's "split" column), so a model that still gives one
 *   warning per row shows it rather than hiding behind a recall of 100%.
 * - A decoy is *hit* when a hit of its model shares a subject with it (when it has any) and
 *   cites one of its rows that no planted case of the same model also uses.
 * - Other hits: hits of the model that touch no planted case and no decoy (background).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { findDataset, MODEL_CATEGORIES } from '@qingfeng/core';
import type { DemoManifest, GroundTruthCase } from '@qingfeng/demo';
import type { AppServices } from '../app/app-services.js';
import type { DB } from '../db/schema.js';
import type { Lake, LakeColumnType } from '../lake/index.js';
import { systemActor } from '../modules/audit/audit.service.js';
import { datasetLayout } from '../modules/catalogue/lake-layout.js';
import { getRun, startRun } from '../modules/models/runs/model-runs.service.js';
import { configureDemoModels } from './ground-truth-setup.js';

/** A hit as the comparison needs it: from a warning, or straight from `runModelOnLake`. */
export interface ComparableHit {
  readonly modelId: string;
  readonly hitKey: string;
  readonly subjectKeys: readonly number[];
  readonly evidence: readonly { readonly dataset: string; readonly batchId: number; readonly rowNo: number }[];
}

/** One evidence item of a case with the lake rows (`dataset:batch:row`) it resolved to. */
export interface ResolvedEvidence {
  readonly dataset: string;
  readonly keys: Record<string, string>;
  readonly rows: readonly string[];
}

export interface ResolvedCase {
  readonly index: number;
  readonly case: GroundTruthCase;
  readonly subjectKeys: readonly number[];
  /** Subjects the lake does not know (e.g. a person only named in a rejected row). */
  readonly unresolvedSubjects: readonly string[];
  readonly evidence: readonly ResolvedEvidence[];
}

/** What became of one case. */
export interface CaseOutcome {
  readonly case: ResolvedCase;
  /** Planted: found. Decoy: flagged (wrongly). */
  readonly matched: boolean;
  /** The hits that touched it. */
  readonly hitKeys: readonly string[];
  /** Why a planted case was not found, or how a decoy was flagged. */
  readonly detail: string;
}

export interface ModelQuality {
  readonly modelId: string;
  readonly hits: number;
  readonly planted: number;
  readonly found: number;
  /** Planted cases found but spread over more than one hit (one warning per problem is the aim). */
  readonly split: number;
  readonly decoys: number;
  readonly decoyHits: number;
  /** Hits touching no planted case and no decoy. */
  readonly otherHits: number;
  /** Hit keys of the other hits (for the report), first few. */
  readonly otherHitKeys: readonly string[];
}

export interface GroundTruthReport {
  readonly models: readonly ModelQuality[];
  readonly cases: readonly CaseOutcome[];
  /** Planted cases not found and decoys flagged, for assertions and messages. */
  readonly failures: readonly CaseOutcome[];
}

const rowId = (dataset: string, batchId: number | string, rowNo: number | string) => `${dataset}:${batchId}:${rowNo}`;

const CASTS: Record<LakeColumnType, string> = {
  text: 'TEXT',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  double: 'DOUBLE PRECISION',
  decimal: 'DECIMAL(18,2)',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
};

/** Subject keys of identifiers, through the blind index; unknown identifiers are left out. */
async function subjectKeysOf(
  lake: Lake,
  blindIndex: (value: string) => string,
  identifiers: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const unique = [...new Set(identifiers)];
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    const hashes = chunk.map((id) => blindIndex(id));
    const rows = await lake.query<{ identifier_hash: string; subject_key: number | string | bigint }>(
      `SELECT identifier_hash, subject_key FROM subject_index WHERE identifier_hash IN (${hashes.map((_, j) => `$${j + 1}`).join(', ')})`,
      hashes,
    );
    const byHash = new Map(rows.map((r) => [r.identifier_hash, Number(r.subject_key)]));
    chunk.forEach((id, j) => {
      const key = byHash.get(hashes[j] as string);
      if (key !== undefined) out.set(id, key);
    });
  }
  return out;
}

/** Resolves every case's subjects and evidence rows against the loaded lake. */
export async function resolveGroundTruth(
  lake: Lake,
  blindIndex: (value: string) => string,
  cases: readonly GroundTruthCase[],
): Promise<ResolvedCase[]> {
  const identifiers: string[] = [];
  for (const c of cases) {
    identifiers.push(...c.subjects);
    for (const e of c.evidence) {
      const layout = datasetLayout(requireDataset(e.dataset));
      for (const f of layout.subjectFields) if (e.keys[f.key] !== undefined) identifiers.push(e.keys[f.key] as string);
    }
  }
  const keys = await subjectKeysOf(lake, blindIndex, identifiers);
  const cache = new Map<string, string[]>();
  const out: ResolvedCase[] = [];
  for (const [index, c] of cases.entries()) {
    const evidence: ResolvedEvidence[] = [];
    for (const e of c.evidence) {
      const cacheKey = `${e.dataset}|${JSON.stringify(Object.entries(e.keys).sort())}`;
      let rows = cache.get(cacheKey);
      if (!rows) {
        rows = await evidenceRows(lake, keys, e.dataset, e.keys);
        cache.set(cacheKey, rows);
      }
      evidence.push({ dataset: e.dataset, keys: e.keys, rows });
    }
    out.push({
      index,
      case: c,
      subjectKeys: c.subjects.flatMap((s) => (keys.has(s) ? [keys.get(s) as number] : [])),
      unresolvedSubjects: c.subjects.filter((s) => !keys.has(s)),
      evidence,
    });
  }
  return out;
}

function requireDataset(key: string) {
  const dataset = findDataset(key);
  if (!dataset) throw new Error(`ground truth names an unknown dataset ${key}`);
  return dataset;
}

async function evidenceRows(
  lake: Lake,
  subjectKeys: ReadonlyMap<string, number>,
  dataset: string,
  keys: Record<string, string>,
): Promise<string[]> {
  const layout = datasetLayout(requireDataset(dataset));
  const subjectFields = new Set(layout.subjectFields.map((f) => f.key));
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (const [field, value] of Object.entries(keys)) {
    if (subjectFields.has(field)) {
      const key = subjectKeys.get(value);
      if (key === undefined) return [];
      params.push(key);
      conditions.push(`${field}_sk = $${params.length}`);
      continue;
    }
    const column = layout.tableDef.columns.find((c) => c.name === field);
    if (!column) throw new Error(`ground truth names an unknown field ${dataset}.${field}`);
    if (column.type === 'timestamp') {
      // The lake holds instants; a datetime without a zone is Asia/Shanghai wall time (data standard).
      params.push(new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value.replace(' ', 'T')}+08:00`));
      conditions.push(`${field} = $${params.length}`);
      continue;
    }
    params.push(value);
    conditions.push(`${field} = CAST($${params.length} AS ${CASTS[column.type]})`);
  }
  const rows = await lake.query<{ b: number; r: number }>(
    `SELECT _batch_id AS b, _row_no AS r FROM ${layout.table} WHERE ${conditions.join(' AND ')}`,
    params,
  );
  return rows.map((r) => rowId(dataset, r.b, r.r));
}

/** Every warning in the operational store, with its subjects and evidence, as comparable hits. */
export async function loadWarningHits(db: Kysely<DB>): Promise<ComparableHit[]> {
  const warnings = await db.selectFrom('warnings').select(['id', 'hit_key', 'model_id', 'subject_keys']).execute();
  const evidence = await db
    .selectFrom('warning_evidence')
    .select(['warning_id', 'dataset', 'batch_id', 'row_no'])
    .execute();
  const byWarning = new Map<number, { dataset: string; batchId: number; rowNo: number }[]>();
  for (const e of evidence) {
    let list = byWarning.get(e.warning_id);
    if (!list) byWarning.set(e.warning_id, (list = []));
    list.push({ dataset: e.dataset, batchId: Number(e.batch_id), rowNo: Number(e.row_no) });
  }
  return warnings.map((w) => {
    const raw = typeof w.subject_keys === 'string' ? (JSON.parse(w.subject_keys) as unknown) : w.subject_keys;
    return {
      modelId: w.model_id,
      hitKey: w.hit_key,
      subjectKeys: Array.isArray(raw) ? raw.map(Number) : [],
      evidence: byWarning.get(w.id) ?? [],
    };
  });
}

interface IndexedHit {
  hit: ComparableHit;
  rows: Set<string>;
  datasets: Set<string>;
}

function sharesSubject(c: ResolvedCase, hit: ComparableHit): boolean {
  // A case whose subjects the lake does not know cannot be told by subject; its rows decide.
  return c.subjectKeys.length === 0 || hit.subjectKeys.some((k) => c.subjectKeys.includes(k));
}

function describe(e: ResolvedEvidence): string {
  return `${e.dataset}{${Object.entries(e.keys)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ')}}`;
}

/**
 * Compares hits with the resolved ground truth, per model. `modelIds` lists the models that
 * ran (a model with no case still gets its line, all its hits counted as other hits).
 */
export function compareWithGroundTruth(
  cases: readonly ResolvedCase[],
  hits: readonly ComparableHit[],
  modelIds: readonly string[],
): GroundTruthReport {
  const byModel = new Map<string, IndexedHit[]>();
  for (const hit of hits) {
    let list = byModel.get(hit.modelId);
    if (!list) byModel.set(hit.modelId, (list = []));
    const rows = new Set(hit.evidence.map((e) => rowId(e.dataset, e.batchId, e.rowNo)));
    list.push({ hit, rows, datasets: new Set(hit.evidence.map((e) => e.dataset)) });
  }
  const plantedRows = new Map<string, Set<string>>();
  for (const c of cases) {
    if (c.case.kind !== 'planted') continue;
    let set = plantedRows.get(c.case.model);
    if (!set) plantedRows.set(c.case.model, (set = new Set()));
    for (const e of c.evidence) for (const r of e.rows) set.add(r);
  }
  const explained = new Map<string, Set<string>>();
  const outcomes: CaseOutcome[] = [];
  for (const c of cases) {
    const modelHits = byModel.get(c.case.model) ?? [];
    let touching: IndexedHit[];
    let matched: boolean;
    let detail: string;
    if (c.case.kind === 'planted') {
      const rows = new Set(c.evidence.flatMap((e) => e.rows));
      touching = modelHits.filter((h) => sharesSubject(c, h.hit) && [...h.rows].some((r) => rows.has(r)));
      const cited = new Set(touching.flatMap((h) => [...h.datasets]));
      const missing = c.evidence.filter(
        (e) => cited.has(e.dataset) && !touching.some((h) => e.rows.some((r) => h.rows.has(r))),
      );
      matched = touching.length > 0 && missing.length === 0;
      detail =
        touching.length === 0
          ? `no hit cites its rows${
              c.evidence.some((e) => e.rows.length === 0)
                ? ` (not in the lake: ${c.evidence
                    .filter((e) => e.rows.length === 0)
                    .map(describe)
                    .join('; ')})`
                : ''
            }`
          : missing.length > 0
            ? `hits leave out ${missing.map((e) => describe(e) + (e.rows.length === 0 ? ' (not in the lake)' : '')).join('; ')}`
            : `found by ${touching.length} hit(s)`;
    } else {
      const own = plantedRows.get(c.case.model) ?? new Set<string>();
      const rows = new Set(c.evidence.flatMap((e) => e.rows).filter((r) => !own.has(r)));
      touching = modelHits.filter((h) => sharesSubject(c, h.hit) && [...h.rows].some((r) => rows.has(r)));
      matched = touching.length > 0;
      detail = matched ? `flagged by ${touching.map((h) => h.hit.hitKey).join(', ')}` : 'not flagged';
    }
    let set = explained.get(c.case.model);
    if (!set) explained.set(c.case.model, (set = new Set()));
    for (const h of touching) set.add(h.hit.hitKey);
    outcomes.push({ case: c, matched, hitKeys: touching.map((h) => h.hit.hitKey), detail });
  }
  const ids = [...new Set([...modelIds, ...cases.map((c) => c.case.model), ...byModel.keys()])].sort(compareModelIds);
  const models = ids.map((modelId): ModelQuality => {
    const mine = outcomes.filter((o) => o.case.case.model === modelId);
    const planted = mine.filter((o) => o.case.case.kind === 'planted');
    const decoys = mine.filter((o) => o.case.case.kind === 'decoy');
    const seen = explained.get(modelId) ?? new Set<string>();
    const other = (byModel.get(modelId) ?? []).filter((h) => !seen.has(h.hit.hitKey));
    return {
      modelId,
      hits: byModel.get(modelId)?.length ?? 0,
      planted: planted.length,
      found: planted.filter((o) => o.matched).length,
      split: planted.filter((o) => o.matched && o.hitKeys.length > 1).length,
      decoys: decoys.length,
      decoyHits: decoys.filter((o) => o.matched).length,
      otherHits: other.length,
      otherHitKeys: other.slice(0, 5).map((h) => h.hit.hitKey),
    };
  });
  const failures = outcomes.filter((o) => (o.case.case.kind === 'planted' ? !o.matched : o.matched));
  return { models, cases: outcomes, failures };
}

// A model id begins with its family's code, so the table follows core's category order.
const FAMILY_ORDER: readonly string[] = MODEL_CATEGORIES.map((c) => c.code);

function compareModelIds(a: string, b: string): number {
  const fa = a.replace(/\d+$/, '');
  const fb = b.replace(/\d+$/, '');
  const ia = FAMILY_ORDER.indexOf(fa);
  const ib = FAMILY_ORDER.indexOf(fb);
  if (fa !== fb) return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || fa.localeCompare(fb);
  return Number(a.slice(fa.length)) - Number(b.slice(fb.length));
}

/**
 * The per-model table: planted, found, recall, split (cases over several warnings), decoys, decoy hits, other hits, and precision
 * (hits touching a planted case ÷ all hits; background hits count against it).
 */
export function formatGroundTruthTable(report: GroundTruthReport): string {
  const head = [
    'model',
    'hits',
    'planted',
    'found',
    'recall',
    'split',
    'decoys',
    'decoy hits',
    'other hits',
    'precision',
  ];
  const lines = report.models.map((m) => {
    const caseHits = m.hits - m.otherHits;
    const recall = m.planted === 0 ? '—' : `${Math.round((100 * m.found) / m.planted)}%`;
    const precision = m.hits === 0 ? '—' : `${Math.round((100 * caseHits) / m.hits)}%`;
    return [m.modelId, m.hits, m.planted, m.found, recall, m.split, m.decoys, m.decoyHits, m.otherHits, precision].map(
      String,
    );
  });
  const t = report.models.reduce(
    (s, m) => ({
      hits: s.hits + m.hits,
      planted: s.planted + m.planted,
      found: s.found + m.found,
      split: s.split + m.split,
      decoys: s.decoys + m.decoys,
      decoyHits: s.decoyHits + m.decoyHits,
      other: s.other + m.otherHits,
    }),
    { hits: 0, planted: 0, found: 0, split: 0, decoys: 0, decoyHits: 0, other: 0 },
  );
  lines.push(
    [
      'total',
      t.hits,
      t.planted,
      t.found,
      t.planted === 0 ? '—' : `${Math.round((100 * t.found) / t.planted)}%`,
      t.split,
      t.decoys,
      t.decoyHits,
      t.other,
      t.hits === 0 ? '—' : `${Math.round((100 * (t.hits - t.other)) / t.hits)}%`,
    ].map(String),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const out = [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)];
  for (const f of report.failures) {
    const c = f.case.case;
    out.push(
      `${c.kind === 'planted' ? 'MISSED' : 'DECOY FLAGGED'} ${c.model} #${f.case.index}: ${c.note} — ${f.detail}`,
    );
  }
  return out.join('\n');
}

/** Timings and outcome of a ground-truth measurement on a loaded demo region. */
export interface DemoEvaluation {
  readonly report: GroundTruthReport;
  readonly runId: number;
  /** Models whose run failed, with the error. */
  readonly runErrors: Record<string, string>;
  readonly runMs: number;
  readonly modelIds: readonly string[];
}

/**
 * On a platform with the demo region loaded: sets the deployment's parameters, runs every
 * built-in model in full through the run service (warnings saved as in production), then
 * compares the warnings with `ground-truth.json`.
 */
export async function evaluateDemoRegion(
  services: AppServices,
  manifest: DemoManifest,
  outDir = manifest.outDir,
): Promise<DemoEvaluation> {
  await configureDemoModels(services, manifest);
  const truth = JSON.parse(await readFile(join(outDir, manifest.groundTruthFile), 'utf8')) as {
    cases: GroundTruthCase[];
  };
  const started = performance.now();
  const run = await startRun(
    services,
    { actor: systemActor('ground-truth'), userId: null, username: 'ground-truth' },
    { kind: 'full', all: true },
  );
  await services.modelRuns.whenFinished(run.id);
  const runMs = performance.now() - started;
  const finished = await getRun(services, run.id);
  const modelIds = (finished.models as { modelId: string }[]).map((m) => m.modelId);
  const resolved = await resolveGroundTruth(services.lake, (v) => services.fieldCrypto.blindIndex(v), truth.cases);
  const hits = await loadWarningHits(services.database.db);
  return {
    report: compareWithGroundTruth(resolved, hits, modelIds),
    runId: run.id,
    runErrors: (finished.errors ?? {}) as Record<string, string>,
    runMs,
    modelIds,
  };
}
