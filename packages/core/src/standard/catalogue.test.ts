import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPEC_DIR, writtenDatasets, writtenEnumTerms } from '../testing/written-spec.js';
import { findDataset, findField, listDatasets, uniqueKeysOf } from './catalogue.js';
import type { FieldDef } from './catalogue-types.js';
import { FIELD_TYPES, isFieldType } from './field-types.js';
import { matchHeaders } from './header-match.js';
import { normaliseEnum } from './normalise/enum.js';
import { listProgrammes } from './programmes.js';
import { ok } from './result.js';
import { foldForMatch } from './text.js';

// The written spec this catalogue must carry: data-standard.md, read where CI checks it out.
const SPEC = readFileSync(new URL('data-standard.md', SPEC_DIR), 'utf8');
const WRITTEN = writtenDatasets(SPEC, FIELD_TYPES);
const WRITTEN_ENUMS = WRITTEN.flatMap((d) =>
  d.fields.flatMap((f) => (f.codes === undefined ? [] : [[d.key, f.key, f.codes] as const])),
);
const WRITTEN_TYPES = WRITTEN.flatMap((d) =>
  d.fields.flatMap((f) => (f.type === undefined ? [] : [[d.key, f.key, f.type] as const])),
);

function enumOf(dataset: string, key: string): Extract<FieldDef, { type: 'enum' }> {
  const f = findField(findDataset(dataset)!, key);
  if (f?.type !== 'enum') throw new Error(`${dataset}.${key} is not an enum`);
  return f;
}

describe('catalogue', () => {
  it('holds exactly the dataset types of the spec, in its order, with their Chinese names', () => {
    expect(listDatasets().map((d) => [d.key, d.name.zh])).toEqual(WRITTEN.map((d) => [d.key, d.zh]));
  });

  it.each(WRITTEN.map((d) => [d.key, d] as const))('%s has the spec fields and required flags', (key, written) => {
    const fields = (d: { fields: readonly { key: string; required: boolean }[] }) =>
      d.fields.map((f) => `${f.key}${f.required ? '*' : ''}`).join(' ');
    expect(fields(findDataset(key)!)).toBe(fields(written));
  });

  it('gives every dataset and field both names, a valid type and synonyms where a department would need one', () => {
    for (const d of listDatasets()) {
      expect(d.name.zh && d.name.en && d.source.zh && d.source.en).toBeTruthy();
      for (const f of d.fields) {
        expect(isFieldType(f.type), `${d.key}.${f.key}`).toBe(true);
        expect(f.label.zh && f.label.en, `${d.key}.${f.key}`).toBeTruthy();
        expect(f.synonyms.length, `${d.key}.${f.key} synonyms`).toBeGreaterThan(0);
      }
    }
  });

  it('never lets one header word mean two fields of the same dataset', () => {
    for (const d of listDatasets()) {
      const owner = new Map<string, string>();
      for (const f of d.fields) {
        for (const word of new Set([f.key, f.label.zh, f.label.en, ...f.synonyms].map(foldForMatch))) {
          expect(owner.get(word) ?? f.key, `${d.key}: "${word}" in ${owner.get(word)} and ${f.key}`).toBe(f.key);
          owner.set(word, f.key);
        }
      }
    }
  });

  it('never lets one term mean two codes of the same enum', () => {
    for (const d of listDatasets()) {
      for (const f of d.fields) {
        if (f.type !== 'enum') continue;
        const owner = new Map<string, string>();
        for (const v of f.values) {
          for (const word of new Set([v.code, v.label.zh, v.label.en, ...v.terms].map(foldForMatch))) {
            expect(owner.get(word) ?? v.code, `${d.key}.${f.key}: "${word}"`).toBe(v.code);
            owner.set(word, v.code);
          }
        }
      }
    }
  });

  it.each(WRITTEN_TYPES)('%s.%s has the type the spec names, %s', (dataset, key, type) => {
    expect(findField(findDataset(dataset)!, key)?.type).toBe(type);
  });

  it("matches the spec's example headers to the field it names in every dataset that has it", () => {
    const example = /for example `(\w+)` ←\s*((?:`[^`]+`[,\s]*)+)/.exec(SPEC);
    const [, key = '', quoted = ''] = example ?? [];
    const headers = [...quoted.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
    expect(headers.length, 'the example of header matching in data-standard.md').toBeGreaterThan(0);
    for (const dataset of listDatasets().filter((d) => findField(d, key) !== undefined)) {
      for (const header of headers) {
        expect(matchHeaders(dataset, [header]).mapping[header], `${dataset.key}: ${header}`).toBe(key);
      }
    }
  });

  it.each(WRITTEN_ENUMS)('%s.%s has the spec codes, in order', (dataset, key, codes) => {
    expect(enumOf(dataset, key).values.map((v) => v.code)).toEqual(codes);
  });

  it.each(writtenEnumTerms(SPEC).map((t) => [`${t.dataset}.${t.fields.join('/')}`, t.code, t] as const))(
    '%s accepts the words the spec gives for %s',
    (_, code, { dataset, fields, words }) => {
      const field = fields.map((f) => enumOf(dataset, f)).find((f) => f.values.some((v) => v.code === code));
      expect(field, `no field of ${dataset}.${fields.join('/')} has the code ${code}`).toBeDefined();
      for (const word of [code, ...words]) expect(normaliseEnum(field?.values ?? [], word), word).toEqual(ok(code));
    },
  );

  it('takes the codes of program columns from the programme registry, and accepts their synonyms', () => {
    for (const dataset of ['benefit_roll', 'benefit_payment']) {
      const program = enumOf(dataset, 'program');
      expect(program.values.map((v) => v.code)).toEqual(listProgrammes().map((p) => p.key));
      for (const p of listProgrammes()) {
        for (const word of [p.name.zh, ...p.synonyms]) expect(normaliseEnum(program.values, word)).toEqual(ok(p.key));
      }
    }
  });

  it('names only fields of the dataset in its natural and alternate keys, each key once', () => {
    for (const d of listDatasets()) {
      const keys = uniqueKeysOf(d);
      expect(keys[0], `${d.key}: the natural key comes first`).toEqual(d.naturalKey);
      expect(new Set(keys.map((k) => k.join('+'))).size, `${d.key}: a key is listed twice`).toBe(keys.length);
      for (const field of keys.flat()) expect(findField(d, field), `${d.key} has no field ${field}`).toBeDefined();
    }
  });

  it('returns undefined for an unknown dataset key', () => {
    expect(findDataset('no_such_dataset')).toBeUndefined();
  });
});
