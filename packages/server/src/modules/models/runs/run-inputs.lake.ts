import type { Lake } from '../../../lake/index.js';
import { quoteIdentifier } from '../../../lake/index.js';
import type { ModelDocument } from '../../../models-engine/model-engine.js';

/*
 * Whether a model has anything to read. A model whose input datasets hold no rows is not
 * run: its run reports it skipped, with the datasets it waits for, instead of failing on a
 * missing table or finding nothing and passing for a model that looked.
 */

/** The sets of datasets one of which must all hold rows for the model to read anything. */
function readingPaths(document: ModelDocument): string[][] {
  const logic = document.logic as { kind?: string; branches?: { sources: { dataset: string }[] }[] };
  if (logic.kind === 'union') return (logic.branches ?? []).map((b) => [...new Set(b.sources.map((s) => s.dataset))]);
  return [[...new Set(document.inputs)]];
}

/**
 * The input datasets the model waits for: empty when it can run (every dataset it reads
 * holds rows; for a union, every dataset of at least one branch), else the empty ones it
 * needs, sorted. `holdsRows` answers for one dataset (see datasetHoldsRows).
 */
export async function datasetsWaitedFor(
  document: ModelDocument,
  holdsRows: (dataset: string) => Promise<boolean>,
): Promise<string[]> {
  const waiting = new Set<string>();
  for (const path of readingPaths(document)) {
    const empty: string[] = [];
    for (const dataset of path) if (!(await holdsRows(dataset))) empty.push(dataset);
    if (empty.length === 0) return [];
    empty.forEach((d) => waiting.add(d));
  }
  return [...waiting].sort();
}

/** Whether the lake holds at least one row of the dataset (false when it has no table for it). */
export async function datasetHoldsRows(lake: Lake, dataset: string): Promise<boolean> {
  const table = `ds_${dataset}`;
  if (!/^[a-z][a-z0-9_]*$/.test(dataset) || !(await lake.hasTable(table))) return false;
  const rows = await lake.query(`SELECT 1 AS one FROM ${quoteIdentifier(table)} LIMIT 1`);
  return rows.length > 0;
}
