import type { PlaceNames } from '@qingfeng/core';
import type { Lake } from '../../lake/index.js';
import { type ModelDocument, type ModelHit, renderExplanation } from '../../models-engine/model-engine.js';
import { divisionCodesIn } from '../organisations/index.js';
import { fetchRowDivisions, refKey } from './evidence.lake.js';
import type { WarningUpsert } from './warnings.repository.js';

const DIVISION = /^\d{12}$/;

/** The evidence roles of a model in the order of its sources: the first is the driving row. */
function roleOrder(document: ModelDocument): string[] {
  const logic = document.logic as {
    kind?: string;
    sources?: { role: string }[];
    branches?: { sources: { role: string }[] }[];
  };
  const sources = logic.kind === 'union' ? (logic.branches ?? []).flatMap((b) => b.sources) : (logic.sources ?? []);
  return [...new Set(sources.map((s) => s.role))];
}

/** Where a warning lies when nothing else places it: only viewers of the whole country see it. */
const COUNTRY_DIVISION = '000000000000';

/**
 * Turns a model's hits into warnings ready to save. A warning always lies in a
 * jurisdiction, by the rule every row follows, in order: a `division` fact the model
 * names; the division of an evidence row, its own or that of the record it belongs to (a
 * ledger entry's organisation, a tender's buyer: core's `belongsTo`), taking the driving
 * row, the first source of the rule, then the others in order; else the division of the
 * organisation the driving row's batch belongs to (`batchDivisions`, from the operational
 * store); and should even that be unknown, the whole country's, which only its viewers
 * see. Rows are read from the lake in a few batched queries.
 */
export async function prepareWarnings(
  lake: Lake,
  document: ModelDocument,
  hits: readonly ModelHit[],
  batchDivisions: (batchIds: readonly number[]) => Promise<ReadonlyMap<number, string>>,
  placeNames: (codes: readonly string[]) => Promise<PlaceNames>,
): Promise<WarningUpsert[]> {
  const roles = roleOrder(document);
  const rank = (role: string) => (roles.includes(role) ? roles.indexOf(role) : roles.length);
  const divisions = await fetchRowDivisions(
    lake,
    hits.flatMap((h) => h.evidence),
  );
  const driving = hits.map((hit) => [...hit.evidence].sort((a, b) => rank(a.role) - rank(b.role)));
  const fromRows = hits.map((hit, i) => {
    const fact = hit.facts.division;
    if (typeof fact === 'string' && DIVISION.test(fact)) return fact;
    for (const evidence of driving[i] ?? []) {
      const division = divisions.get(refKey(evidence));
      if (division !== undefined && DIVISION.test(division)) return division;
    }
    return null;
  });
  const byBatch = await batchDivisions([
    ...new Set(driving.filter((_e, i) => fromRows[i] === null).map((e) => e[0]?.batchId ?? 0)),
  ]);
  // The explanations name places, not codes: every division a fact holds, read at once.
  const places = await placeNames(divisionCodesIn(hits.flatMap((h) => Object.values(h.facts))));
  return hits.map((hit, i) => {
    const subjectKey = hit.subjectKeys[0] === undefined ? null : String(hit.subjectKeys[0]);
    const explanation = renderExplanation(document, hit.facts, places);
    const batchId = driving[i]?.[0]?.batchId;
    return {
      hitKey: hit.hitKey,
      modelId: hit.modelId,
      modelVersion: hit.modelVersion,
      severity: hit.severity,
      subjectKey,
      subjectKeys: hit.subjectKeys.map(String),
      // Every batch belongs to a division, so the last resort is for a batch the store lost.
      divisionCode: fromRows[i] ?? (batchId === undefined ? undefined : byBatch.get(batchId)) ?? COUNTRY_DIVISION,
      facts: { ...hit.facts },
      explanationZh: explanation.zh,
      explanationEn: explanation.en,
      evidence: hit.evidence.map((e) => ({
        dataset: e.dataset,
        batchId: e.batchId,
        rowNo: e.rowNo,
        role: e.role,
        ...(e.item === undefined ? {} : { item: e.item }),
      })),
    };
  });
}
