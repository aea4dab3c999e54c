import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { type EvidenceUpsert, type StoredWarning, summarise, type WarningUpsert } from './grouped-evidence.js';

export type { EvidenceUpsert, WarningUpsert };

const CHUNK = 200;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const parsed = (value: unknown): Record<string, unknown> =>
  (typeof value === 'string' ? JSON.parse(value) : (value ?? {})) as Record<string, unknown>;

/** The SQL of saving a run's hits: the warnings, their evidence and summary. */
export class WarningUpsertRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The warnings stored under these hit keys, each with its evidence, by hit key. */
  async findStored(hitKeys: readonly string[]): Promise<Map<string, StoredWarning>> {
    const out = new Map<string, StoredWarning>();
    for (const part of chunks([...new Set(hitKeys)], 1000)) {
      const warnings = await this.db
        .selectFrom('warnings')
        .select(['id', 'hit_key', 'status', 'facts'])
        .where('hit_key', 'in', part)
        .execute();
      const byId = new Map<number, StoredWarning>();
      for (const w of warnings) {
        const stored = { id: w.id, hitKey: w.hit_key, status: w.status, facts: parsed(w.facts), evidence: [] };
        byId.set(w.id, stored);
        out.set(w.hit_key, stored);
      }
      for (const ids of chunks([...byId.keys()], 1000)) {
        const rows = await this.db
          .selectFrom('warning_evidence')
          .selectAll()
          .where('warning_id', 'in', ids)
          .orderBy('warning_id')
          .orderBy('dataset')
          .orderBy('batch_id')
          .orderBy('row_no')
          .execute();
        for (const r of rows) {
          byId.get(r.warning_id)?.evidence.push({
            dataset: r.dataset,
            batchId: r.batch_id,
            rowNo: r.row_no,
            role: r.role,
            ...(r.item_key === null
              ? {}
              : {
                  item: {
                    key: r.item_key,
                    period: r.period,
                    amount: r.amount === null ? null : Number(r.amount),
                  },
                }),
          });
        }
      }
    }
    return out;
  }

  /**
   * Saves a run's hits: a new hit key inserts a warning, a known one updates what the run
   * saw (last seen, version, facts, evidence, summary) and keeps its status; a retired one is
   * found again, so it is no longer retired. Returns the warnings this run inserted (id and
   * hit key) and the ids of those it updated. `stored`: the hit keys of these hits already
   * stored before the call (findStored, in the same transaction); only those, and those a
   * run other than this one stored, have evidence to replace.
   */
  async upsertWarnings(
    runId: number,
    now: Date,
    hits: readonly WarningUpsert[],
    stored: ReadonlySet<string>,
  ): Promise<{ inserted: { id: number; hitKey: string }[]; updated: number[] }> {
    const inserted: { id: number; hitKey: string }[] = [];
    const updated: number[] = [];
    for (const part of chunks(hits)) {
      const rows = await this.db
        .insertInto('warnings')
        .values(
          part.map((h) => {
            const summary = h.summary ?? summarise(h.evidence);
            return {
              hit_key: h.hitKey,
              model_id: h.modelId,
              model_version: h.modelVersion,
              severity: h.severity,
              subject_key: h.subjectKey,
              subject_keys: JSON.stringify(h.subjectKeys),
              division_code: h.divisionCode,
              first_seen_at: now,
              last_seen_at: now,
              first_run_id: runId,
              last_run_id: runId,
              facts: JSON.stringify(h.facts),
              explanation_zh: h.explanationZh,
              explanation_en: h.explanationEn,
              evidence_count: summary.evidenceCount,
              item_count: summary.itemCount,
              period_from: summary.periodFrom,
              period_to: summary.periodTo,
              amount_total: summary.amountTotal,
            };
          }),
        )
        .onConflict((oc) =>
          oc.column('hit_key').doUpdateSet((eb) => ({
            model_version: eb.ref('excluded.model_version'),
            severity: eb.ref('excluded.severity'),
            subject_key: eb.ref('excluded.subject_key'),
            subject_keys: eb.ref('excluded.subject_keys'),
            division_code: eb.ref('excluded.division_code'),
            last_seen_at: eb.ref('excluded.last_seen_at'),
            last_run_id: eb.ref('excluded.last_run_id'),
            facts: eb.ref('excluded.facts'),
            explanation_zh: eb.ref('excluded.explanation_zh'),
            explanation_en: eb.ref('excluded.explanation_en'),
            evidence_count: eb.ref('excluded.evidence_count'),
            item_count: eb.ref('excluded.item_count'),
            period_from: eb.ref('excluded.period_from'),
            period_to: eb.ref('excluded.period_to'),
            amount_total: eb.ref('excluded.amount_total'),
            retired_at: null,
            retired_reason: null,
          })),
        )
        .returning(['id', 'hit_key', 'first_run_id'])
        .execute();
      const idByKey = new Map(rows.map((r) => [r.hit_key, r.id]));
      const known: number[] = [];
      for (const row of rows) {
        if (row.first_run_id === runId) inserted.push({ id: row.id, hitKey: row.hit_key });
        else updated.push(row.id);
        if (row.first_run_id !== runId || stored.has(row.hit_key)) known.push(row.id);
      }
      await this.replaceEvidence(
        known,
        part.map((h) => ({ warningId: idByKey.get(h.hitKey) as number, evidence: h.evidence })),
      );
    }
    return { inserted, updated };
  }

  /**
   * Writes the evidence of `items`, first removing what the warnings among them that were
   * already stored (`known`) had: a warning the upsert just inserted has none, and looking
   * for it costs a delete per 200 warnings on a run that mostly finds new ones.
   */
  private async replaceEvidence(
    known: readonly number[],
    items: { warningId: number; evidence: EvidenceUpsert[] }[],
  ): Promise<void> {
    if (known.length > 0) {
      await this.db
        .deleteFrom('warning_evidence')
        .where('warning_id', 'in', [...known])
        .execute();
    }
    const seen = new Set<string>();
    const rows = items.flatMap(({ warningId, evidence }) =>
      evidence
        .map((e) => ({
          warning_id: warningId,
          dataset: e.dataset,
          batch_id: e.batchId,
          row_no: e.rowNo,
          role: e.role,
          item_key: e.item?.key ?? null,
          period: e.item?.period ?? null,
          amount: e.item?.amount ?? null,
        }))
        .filter((r) => {
          // A row can reach a hit twice through a self-join; the evidence lists it once per role.
          const key = `${r.warning_id}/${r.dataset}/${r.batch_id}/${r.row_no}/${r.role}`;
          return seen.has(key) ? false : (seen.add(key), true);
        }),
    );
    for (const part of chunks(rows, 500)) await this.db.insertInto('warning_evidence').values(part).execute();
  }
}
