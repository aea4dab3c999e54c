import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BUILTIN_MODELS,
  type DatasetType,
  type FieldDef,
  STANDARD_DATASETS,
  findDataset,
  matchHeaders,
  normaliseValue,
  type RawValue,
} from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDemoFile } from './demo-file-reader.js';
import { FILE_PLAN } from './file-plan.js';
import type { DemoFile } from './file-writer.js';
import { type DemoManifest, generateDemoRegion } from './generate.js';
import type { GroundTruthCase } from './world.js';

const base = join(tmpdir(), `qf-demo-test-${process.pid}`);
let manifest: DemoManifest;

/** Each file's rows normalised, with the indexes of the rows the manifest says are bad. */
const normalised = new Map<string, Array<{ values: Record<string, unknown>; bad: boolean }>>();

function normalise(field: FieldDef, raw: RawValue): { ok: boolean; value: unknown } {
  const r = normaliseValue(field, raw);
  return r.ok ? { ok: true, value: JSON.stringify(r.value) } : { ok: false, value: r.reason.en };
}

beforeAll(async () => {
  const started = performance.now();
  manifest = await generateDemoRegion({ seed: 20241123, scale: 1, outDir: join(base, 'a') });
  const seconds = (performance.now() - started) / 1000;
  // eslint-disable-next-line no-console -- generation figures are worth seeing in every run
  console.log(
    `demo region, scale 1: ${seconds.toFixed(1)} s, ${manifest.counts.people} people, ${manifest.counts.rows} rows in ${manifest.files.length} files, ${manifest.counts.rejected} planted bad rows, ${manifest.counts.cases} cases, ${manifest.counts.decoys} decoys`,
  );
}, 120_000);

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('generateDemoRegion', () => {
  it('is deterministic: the same seed writes byte-identical files, another seed different ones', async () => {
    await generateDemoRegion({ seed: 20241123, scale: 1, outDir: join(base, 'b') });
    await generateDemoRegion({ seed: 7, scale: 1, outDir: join(base, 'c') });
    const names = (await readdir(join(base, 'a'))).sort();
    // The planned files, and the divisions, organisations, ground truth and manifest beside them.
    expect(names.length).toBe(FILE_PLAN.length + 4);
    let differing = 0;
    for (const name of names) {
      const a = await readFile(join(base, 'a', name));
      expect(a.equals(await readFile(join(base, 'b', name))), name).toBe(true);
      if (!a.equals(await readFile(join(base, 'c', name)))) differing++;
    }
    expect(differing).toBeGreaterThan(names.length / 2);
  }, 120_000);

  it('writes every dataset type of the standard, in CSV (GBK, UTF-8, UTF-8 with BOM) and XLSX', () => {
    const planned = new Set(FILE_PLAN.map((p) => p.dataset));
    const unplanned = STANDARD_DATASETS.map((d) => d.key).filter((key) => !planned.has(key));
    expect(unplanned, toAddToTheDemo(unplanned)).toEqual([]);
    const empty = manifest.files.filter((f) => f.rows === 0).map((f) => f.dataset);
    expect(empty, toAddToTheDemo(empty)).toEqual([]);
    expect(manifest.files.map((f) => f.dataset)).toEqual(FILE_PLAN.map((p) => p.dataset));
    expect(new Set(manifest.files.map((f) => f.encoding ?? f.format))).toEqual(
      new Set(['gbk', 'utf-8', 'utf-8-bom', 'xlsx']),
    );
    for (const f of manifest.files)
      expect(f.expectedRejected.length, `bad rows planted in ${f.path}`).toBeGreaterThanOrEqual(2);
  });

  it('stays small at scale 1', () => {
    expect(manifest.counts.rows).toBeGreaterThan(20_000);
    expect(manifest.counts.rows).toBeLessThan(80_000);
  });

  it('writes headers the import matches to the intended fields, using labels and synonyms', async () => {
    let synonyms = 0;
    for (const file of manifest.files) {
      const dataset = findDataset(file.dataset) as DatasetType;
      const { headers, rows } = await readDemoFile(manifest.outDir, file);
      readBack.set(file.path, rows);
      const match = matchHeaders(dataset, headers);
      expect(
        match.columns.map((c) => c.field),
        file.path,
      ).toEqual(file.columns.map((c) => c.key));
      synonyms += match.columns.filter((c) => c.via === 'synonym').length;
    }
    expect(synonyms).toBeGreaterThan(50);
  });

  it('writes only valid values, except the planted bad rows, which fail on the column named', () => {
    // Collected and compared once: an expect per row of a whole county took half a minute.
    const wrong: string[] = [];
    for (const file of manifest.files) {
      const dataset = findDataset(file.dataset) as DatasetType;
      const rows = readBack.get(file.path) ?? [];
      const bad = new Map(file.expectedRejected.map((r) => [r.row, r]));
      const out: Array<{ values: Record<string, unknown>; bad: boolean }> = [];
      rows.forEach((cells, i) => {
        const values: Record<string, unknown> = {};
        const failures: string[] = [];
        file.columns.forEach((column, c) => {
          const field = dataset.fields.find((f) => f.key === column.key) as FieldDef;
          const r = normalise(field, cells[c]);
          if (r.ok) values[column.key] = r.value;
          else failures.push(column.key);
        });
        const expected = bad.get(i + 1);
        const want = expected ? [expected.column] : [];
        if (failures.join() !== want.join()) {
          wrong.push(
            `${file.path} row ${i + 1}: fails on ${failures.join() || 'nothing'}, planted on ${want.join() || 'nothing'}: ${JSON.stringify(cells)}`,
          );
        }
        out.push({ values, bad: !!expected });
      });
      normalised.set(file.path, out);
    }
    expect(wrong).toEqual([]);
  });

  it('lists bad rows of every kind: wrong check digit, impossible date, empty required field', () => {
    const kinds = new Set(manifest.files.flatMap((f) => f.expectedRejected.map((r) => r.problem)));
    expect(kinds).toEqual(new Set(['bad_check_digit', 'impossible_date', 'empty_required']));
  });

  it('plants cases and decoys whose evidence rows are all in the files', async () => {
    const truth = JSON.parse(await readFile(join(manifest.outDir, manifest.groundTruthFile), 'utf8')) as {
      seed: number;
      cases: GroundTruthCase[];
    };
    expect(truth.seed).toBe(20241123);
    const models = new Set(truth.cases.filter((c) => c.kind === 'planted').map((c) => c.model));
    const unplanted = BUILTIN_MODELS.map((m) => m.id).filter((id) => !models.has(id));
    expect(
      unplanted,
      'built-in models with no planted case: plant one in plant/ (called from plantAll) with `planted(world, model, ' +
        'subjects, evidence, note)`, adding the rows the model must find; ground-truth.test.ts checks that it does',
    ).toEqual([]);
    const decoys = truth.cases.filter((c) => c.kind === 'decoy');
    for (const m of ['W01', 'PR01', 'C02', 'M03']) expect(decoys.map((c) => c.model)).toContain(m);
    expect(decoys.some((c) => c.note.startsWith('same name'))).toBe(true);

    const filesOf = (dataset: string): DemoFile[] => manifest.files.filter((f) => f.dataset === dataset);
    for (const c of truth.cases) {
      expect(c.evidence.length, `${c.model} ${c.note}`).toBeGreaterThan(0);
      for (const e of c.evidence) {
        const dataset = findDataset(e.dataset) as DatasetType;
        const wanted = Object.entries(e.keys).map(
          ([k, v]) => [k, normalise(dataset.fields.find((f) => f.key === k) as FieldDef, v).value] as const,
        );
        const found = filesOf(e.dataset).some((f) =>
          (normalised.get(f.path) ?? []).some((r) => !r.bad && wanted.every(([k, v]) => r.values[k] === v)),
        );
        expect(found, `${c.kind} ${c.model}: ${e.dataset} ${JSON.stringify(e.keys)}`).toBe(true);
      }
    }
  });
});

const readBack = new Map<string, RawValue[][]>();

/** What a dataset type needs before the demo county holds it, for the failure message. */
function toAddToTheDemo(types: readonly string[]): string {
  return (
    `the demo county's files hold no rows of ${types.join(', ')}. For each type add, in the demo generator's folder: ` +
    `(1) a generator that adds its rows with addRow(world, '<type>', row), in a gen-*.ts function that ` +
    `generateDemoRegion (generate.ts) calls; (2) an entry in FILE_PLAN (file-plan.ts): department, file name, ` +
    `format, encoding and header style; (3) for every built-in model that reads it, a planted case ` +
    `(and a decoy where a near miss is likely) in plant/, called from plantAll`
  );
}
