import type { PlaceNames } from '@qingfeng/core';
import type { WarningSeverity } from '../../db/schema.js';
import { type HitEvidence, type ModelDocument, renderExplanation } from '../../models-engine/model-engine.js';

/** An evidence row as a run saves it, with what it adds to the warning's summary. */
export type EvidenceUpsert = Pick<HitEvidence, 'dataset' | 'batchId' | 'rowNo' | 'role' | 'item'>;

/** A warning as a run saves it (insert, or update of the one with the same hit key). */
export interface WarningUpsert {
  hitKey: string;
  modelId: string;
  modelVersion: number;
  severity: WarningSeverity;
  subjectKey: string | null;
  subjectKeys: string[];
  divisionCode: string;
  facts: Record<string, unknown>;
  explanationZh: string;
  explanationEn: string;
  evidence: EvidenceUpsert[];
  /** Worked out from `evidence` when not given. */
  summary?: WarningSummary;
}

/** A stored warning a run's hit key found again: what it held before the run. */
export interface StoredWarning {
  id: number;
  hitKey: string;
  status: string;
  facts: Record<string, unknown>;
  evidence: EvidenceUpsert[];
}

/** What a grouped warning sums up over all its evidence (see ModelSpec.summary). */
export interface WarningSummary {
  evidenceCount: number;
  itemCount: number;
  periodFrom: string | null;
  periodTo: string | null;
  /** Yuan, to the cent; null when no item has an amount. */
  amountTotal: number | null;
}

const rowKey = (e: EvidenceUpsert) => `${e.dataset}:${e.batchId}:${e.rowNo}:${e.role}`;

/**
 * One list of evidence without repeats: a row once per role, and an item once however often
 * it was imported (the first kept, stored before new, lower batch before higher).
 */
function withoutRepeats(evidence: readonly EvidenceUpsert[]): EvidenceUpsert[] {
  const rows = new Set<string>();
  const items = new Set<string>();
  const out: EvidenceUpsert[] = [];
  for (const e of evidence) {
    if (rows.has(rowKey(e)) || (e.item !== undefined && items.has(e.item.key))) continue;
    rows.add(rowKey(e));
    if (e.item !== undefined) items.add(e.item.key);
    out.push(e);
  }
  return out;
}

export function summarise(evidence: readonly EvidenceUpsert[]): WarningSummary {
  const items = evidence.flatMap((e) => (e.item === undefined ? [] : [e.item]));
  const periods = items.flatMap((i) => (i.period === null ? [] : [i.period])).sort();
  const amounts = items.flatMap((i) => (i.amount === null ? [] : [i.amount]));
  return {
    evidenceCount: evidence.length,
    itemCount: items.length,
    periodFrom: periods[0] ?? null,
    periodTo: periods[periods.length - 1] ?? null,
    // Summed in cents: adding yuan as binary fractions drifts.
    amountTotal: amounts.length === 0 ? null : amounts.reduce((s, a) => s + Math.round(a * 100), 0) / 100,
  };
}

/** The placeholders a summary fills (core's SUMMARY_FACTS). */
function summaryFacts(summary: WarningSummary): Record<string, unknown> {
  return { count: summary.itemCount, first: summary.periodFrom, last: summary.periodTo, total: summary.amountTotal };
}

/** A warning to save, and how many evidence rows it gained over what was stored. */
export interface GroupedWarning {
  warning: WarningUpsert & { summary: WarningSummary };
  /** The stored warning it updates, if any. */
  stored?: StoredWarning;
  added: number;
}

/**
 * Joins a run's hits to the warnings stored under the same hit keys. A full run saw all the
 * data, so its evidence replaces what was stored (a row rolled back is gone); an incremental
 * run saw only the new batches, so its evidence is added to what was stored, and the facts
 * stored first stay (new rows only add names). The summary and the explanation are then
 * worked out over the whole evidence, so "paid 6 months" becomes "paid 7 months" in place.
 */
export function groupWithStored(
  document: ModelDocument,
  found: readonly WarningUpsert[],
  stored: ReadonlyMap<string, StoredWarning>,
  mode: 'full' | 'incremental',
  places: PlaceNames,
): GroupedWarning[] {
  return found.map((hit) => {
    const before = stored.get(hit.hitKey);
    const keep = before !== undefined && mode === 'incremental';
    const evidence = withoutRepeats(keep ? [...before.evidence, ...hit.evidence] : hit.evidence);
    const known = new Set((before?.evidence ?? []).map(rowKey));
    const added = before === undefined ? 0 : evidence.filter((e) => !known.has(rowKey(e))).length;
    const summary = summarise(evidence);
    const facts = {
      ...hit.facts,
      ...(keep ? before.facts : {}),
      ...(document.summary === undefined ? {} : summaryFacts(summary)),
    };
    const explanation = renderExplanation(document, facts, places);
    return {
      warning: {
        ...hit,
        facts,
        explanationZh: explanation.zh,
        explanationEn: explanation.en,
        evidence,
        summary,
      },
      ...(before === undefined ? {} : { stored: before }),
      added,
    };
  });
}
