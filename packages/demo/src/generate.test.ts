import { readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
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
import type { DemoFile } from './file-writer.js';
import { type DemoManifest, generateDemoRegion } from './generate.js';
import type { GroundTruthCase } from './world.js';

const base = join(tmpdir(), `qf-demo-test-${process.pid}`);
let manifest: DemoManifest;
let seconds = 0;

/** Each file's rows normalised, with the indexes of the rows the manifest says are bad. */
const normalised = new Map<string, Array<{ values: Record<string, unknown>; bad: boolean }>>();

function normalise(field: FieldDef, raw: RawValue): { ok: boolean; value: unknown } {
  const r = normaliseValue(field, raw);
  return r.ok ? { ok: true, value: JSON.stringify(r.value) } : { ok: false, value: r.reason.en };
}

beforeAll(async () => {
  const started = performance.now();
  manifest = await generateDemoRegion({ seed: 20241123, scale: 1, outDir: join(base, 'a') });
  seconds = (performance.now() - started) / 1000;
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
    expect(names.length).toBeGreaterThan(30);
    let differing = 0;
    for (const name of names) {
      const a = await readFile(join(base, 'a', name));
      expect(a.equals(await readFile(join(base, 'b', name))), name).toBe(true);
      if (!a.equals(await readFile(join(base, 'c', name)))) differing++;
    }
    expect(differing).toBeGreaterThan(names.length / 2);
  }, 120_000);

  it('writes every dataset type of the standard, in CSV (GBK, UTF-8, UTF-8 with BOM) and XLSX', () => {
    const types = new Set(manifest.files.map((f) => f.dataset));
    expect([...types].sort()).toEqual(STANDARD_DATASETS.map((d) => d.key).sort());
    expect(new Set(manifest.files.map((f) => f.encoding ?? f.format))).toEqual(
      new Set(['gbk', 'utf-8', 'utf-8-bom', 'xlsx']),
    );
    expect(manifest.files.every((f) => f.rows > 0 && f.expectedRejected.length >= 2)).toBe(true);
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
        if (expected) expect(failures, `${file.path} row ${i + 1}`).toEqual([expected.column]);
        else expect(failures, `${file.path} row ${i + 1}: ${JSON.stringify(cells)}`).toEqual([]);
        out.push({ values, bad: !!expected });
      });
      normalised.set(file.path, out);
    }
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
    for (const m of [
      'W01',
      'W02',
      'W03',
      'W04',
      'W05',
      'W06',
      'W07',
      'W08',
      'W09',
      'W10',
      'W11',
      'W12',
      'W13',
      'W14',
      'P01',
      'P02',
      'P03',
      'P04',
    ])
      expect(models).toContain(m);
    for (let i = 1; i <= 14; i++) expect(models).toContain(`PR${String(i).padStart(2, '0')}`);
    for (const m of [
      'F01',
      'F02',
      'F03',
      'F04',
      'F05',
      'F06',
      'F07',
      'F08',
      'F09',
      'M01',
      'M02',
      'M03',
      'M04',
      'M05',
      'C01',
      'C02',
      'C03',
      'C04',
      'C05',
      'C06',
    ])
      expect(models).toContain(m);
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

  it(`generates scale 1 in a few seconds`, () => {
    // eslint-disable-next-line no-console -- the figure the brief asks to see
    console.log(`generation time for scale 1: ${seconds.toFixed(2)} s`);
    expect(seconds).toBeLessThan(20);
  });
});

const readBack = new Map<string, RawValue[][]>();
