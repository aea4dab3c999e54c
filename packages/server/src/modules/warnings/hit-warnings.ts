import { findDataset } from '@qingfeng/core';
import type { Lake } from '../../lake/index.js';
import { type ModelDocument, type ModelHit, renderExplanation } from '../models/model-engine.js';
import { fetchRows, findSubjectDivisions, rowAt } from './evidence.lake.js';
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

function hasDivision(dataset: string): boolean {
  return findDataset(dataset)?.fields.some((f) => f.key === 'division') ?? false;
}

/**
 * Turns a model's hits into warnings ready to save. The jurisdiction of a warning is, in
 * order: a `division` fact the model names; the division column of the driving evidence
 * row (the first source of the rule, then the others in order); the registered division
 * of the primary subject. Rows and subjects are read from the lake in a few batched queries.
 */
export async function prepareWarnings(
  lake: Lake,
  document: ModelDocument,
  hits: readonly ModelHit[],
): Promise<WarningUpsert[]> {
  const roles = roleOrder(document);
  const rank = (role: string) => (roles.includes(role) ? roles.indexOf(role) : roles.length);
  const refs = hits.flatMap((h) => h.evidence.filter((e) => hasDivision(e.dataset)));
  const rows = await fetchRows(lake, refs, ['division']);
  const fromRows = hits.map((hit) => {
    const fact = hit.facts.division;
    if (typeof fact === 'string' && DIVISION.test(fact)) return fact;
    const ordered = [...hit.evidence].filter((e) => hasDivision(e.dataset)).sort((a, b) => rank(a.role) - rank(b.role));
    for (const evidence of ordered) {
      const division = rowAt(rows, evidence)?.division;
      if (typeof division === 'string' && DIVISION.test(division)) return division;
    }
    return null;
  });
  const missing = hits
    .filter((_h, i) => fromRows[i] === null)
    .map((h) => Number(h.subjectKeys[0]))
    .filter(Number.isFinite);
  const subjectDivisions = await findSubjectDivisions(lake, [...new Set(missing)]);
  return hits.map((hit, i) => {
    const subjectKey = hit.subjectKeys[0] === undefined ? null : String(hit.subjectKeys[0]);
    const explanation = renderExplanation(document, hit.facts);
    return {
      hitKey: hit.hitKey,
      modelId: hit.modelId,
      modelVersion: hit.modelVersion,
      severity: hit.severity,
      subjectKey,
      subjectKeys: hit.subjectKeys.map(String),
      divisionCode: fromRows[i] ?? (subjectKey === null ? null : (subjectDivisions.get(Number(subjectKey)) ?? null)),
      facts: { ...hit.facts },
      explanationZh: explanation.zh,
      explanationEn: explanation.en,
      evidence: hit.evidence.map((e) => ({ dataset: e.dataset, batchId: e.batchId, rowNo: e.rowNo, role: e.role })),
    };
  });
}
