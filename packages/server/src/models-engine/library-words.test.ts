import {
  columnKind,
  columnValueText,
  findBuiltinModel,
  findDataset,
  findField,
  type Lang,
  listDatasets,
  type ModelSpec,
  toDivisionCode12,
} from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAKE_ENGINES } from '../lake/index.js';
import { fetchRows, refKey } from '../modules/warnings/evidence.lake.js';
import { evidenceValuesInWords } from '../modules/warnings/evidence.presenter.js';
import { createTestLake, testDatabaseUrl, type TestLake } from '../testing/test-lake.js';
import { clearDatasetTables, createDatasetTables, loadFixtureRows } from '../testing/model-fixtures/fixture-lake.js';
import { MODEL_FIXTURES, type ModelFixture } from '../testing/model-fixtures/index.js';
import { renderExplanation } from './model-engine.js';
import { runModelOnLake } from './run-model.js';

/*
 * Every built-in model's fixture hits, put into words as a warning shows them (explanation,
 * evidence rows in the console and in the CSV export), in both languages: no raw code of
 * the data standard, no true/false, no 12-digit division code, no English in the Chinese
 * and no Chinese in the English, other than the data itself (names, titles, place names).
 */

const LANGS: readonly Lang[] = ['zh', 'en'];
const CJK = /[\u3400-\u9fff]/;
// Acronyms a Chinese sentence writes in Latin letters.
const ACRONYMS = new Set(['IP', 'MAC']);

// Every code of the standard's enums with the English words any of its definitions gives it.
const englishOf = new Map<string, Set<string>>();
for (const dataset of listDatasets()) {
  for (const field of dataset.fields) {
    if (field.type !== 'enum') continue;
    for (const v of field.values)
      englishOf.set(v.code, (englishOf.get(v.code) ?? new Set()).add(v.label.en.toLowerCase()));
  }
}

/** A code shown as it is, unless its English label is that very word (`spouse`, `Spouse`). */
function isRawCode(text: string, lang: Lang): boolean {
  const english = englishOf.get(text);
  return english !== undefined && (lang === 'zh' || !english.has(text));
}

/** A register naming every division the fixtures hold, as the deployment's would. */
function fixtureRegister(fixtures: readonly ModelFixture[]): Map<string, string> {
  const names = new Map<string, string>();
  const numerals = '一二三四五六七八九十';
  for (const fixture of fixtures) {
    for (const [dataset, rows] of Object.entries(fixture.rows)) {
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          if (typeof value !== 'string' || columnKind(dataset, column).type !== 'division') continue;
          const code = toDivisionCode12(value);
          const n = names.size;
          if (code && !names.has(code))
            names.set(code, `清风镇${numerals[n % 10]}${numerals[Math.floor(n / 10) % 10]}村`);
        }
      }
    }
  }
  return names;
}

/** The texts of a fixture that are data, not codes: values of its text, number and date fields. */
function dataTexts(fixture: ModelFixture, register: ReadonlyMap<string, string>): string[] {
  const out = new Set<string>(register.values());
  for (const [dataset, rows] of Object.entries(fixture.rows)) {
    const type = findDataset(dataset);
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) {
        const field = type === undefined ? undefined : findField(type, column);
        const coded = field?.type === 'enum' || field?.type === 'bool' || field?.type === 'division';
        if (typeof value === 'string' && value !== '' && !coded) out.add(value);
      }
    }
  }
  return [...out].sort((a, b) => b.length - a.length);
}

function withoutData(text: string, data: readonly string[]): string {
  return data.reduce((rest, d) => rest.replaceAll(d, ' '), text);
}

/** What the explanation put in place of each `{fact}`, read back against its template. */
function substituted(template: string, text: string): string[] {
  const parts = template.split(/\{[a-z0-9_]+\}/);
  const pattern = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('([\\s\\S]*?)');
  const m = new RegExp(`^${pattern}$`).exec(text);
  return m === null ? [text] : m.slice(1);
}

/** Everything in `text` that is not in words for a reader of `lang`. */
export function rawCodesIn(text: string, lang: Lang, data: readonly string[], values = [text]): string[] {
  const found: string[] = [];
  const rest = withoutData(text, data);
  if (lang === 'en' && CJK.test(rest)) found.push(`Chinese in English: ${text}`);
  if (lang === 'zh') {
    for (const word of rest.match(/[A-Za-z_]{2,}/g) ?? []) if (!ACRONYMS.has(word)) found.push(`Latin "${word}"`);
  }
  for (const value of values) {
    const shown = withoutData(value, data);
    // A code stands where a value stood, alone or between the separators a concatenation writes.
    for (const piece of shown.split(/[/,，、:：()（）;；]/).map((p) => p.trim())) {
      if (isRawCode(piece, lang)) found.push(`code "${piece}" in: ${text}`);
    }
    for (const token of shown.match(/[A-Za-z0-9_]+/g) ?? []) {
      if (token === 'true' || token === 'false') found.push(`boolean "${token}" in: ${text}`);
      if (token.includes('_') && englishOf.has(token)) found.push(`code "${token}" in: ${text}`);
      if (/^\d{12}$/.test(token)) found.push(`division code ${token} in: ${text}`);
    }
  }
  return found;
}

const postgresUrl = testDatabaseUrl();

describe('the check itself', () => {
  it('finds the codes, booleans, division codes and mixed languages of a raw rendering', () => {
    const data = ['P101', '甲局'];
    expect(rawCodesIn('P101享受dibao', 'zh', data)).not.toEqual([]);
    expect(rawCodesIn('P101 receives dibao', 'en', data, ['dibao'])).not.toEqual([]);
    expect(rawCodesIn('P101, female', 'en', data, ['female'])).toEqual([]);
    expect(rawCodesIn('甲局餐费，节假日：false', 'zh', data, ['false'])).not.toEqual([]);
    expect(rawCodesIn('P101 receives pension_resident', 'en', data, ['pension_resident'])).not.toEqual([]);
    expect(rawCodesIn('holiday: false', 'en', data, ['false'])).not.toEqual([]);
    expect(rawCodesIn('in 110101001001', 'en', data, ['110101001001'])).not.toEqual([]);
    expect(rawCodesIn('the payroll record at 甲局 未终止 still open', 'en', data)).not.toEqual([]);
    expect(rawCodesIn('P101 receives minimum living guarantee at 甲局, the spouse', 'en', data)).toEqual([]);
    expect(rawCodesIn('T1中—与—的IP相同', 'zh', ['T1'])).toEqual([]);
  });
});

for (const engine of LAKE_ENGINES) {
  describe.skipIf(engine === 'postgres' && postgresUrl === undefined)(`built-in models in words on ${engine}`, () => {
    let test: TestLake;
    const register = fixtureRegister(MODEL_FIXTURES);
    const places = (code: string) => register.get(code);

    beforeAll(async () => {
      test = await createTestLake(engine);
      await createDatasetTables(test.lake);
    });
    afterAll(async () => test?.cleanup());

    for (const fixture of MODEL_FIXTURES) {
      it(`${fixture.model}: explanations and evidence name no code`, async () => {
        const spec = findBuiltinModel(fixture.model) as ModelSpec;
        await clearDatasetTables(test.lake);
        await loadFixtureRows(test.lake, fixture.rows);
        const hits = await runModelOnLake(test.lake, spec, fixture.params ?? {});
        expect(hits.length).toBeGreaterThan(0);
        const data = dataTexts(fixture, register);
        const rows = await fetchRows(
          test.lake,
          hits.flatMap((h) => h.evidence),
        );
        const found: string[] = [];
        for (const hit of hits) {
          const explanation = renderExplanation(spec, hit.facts, places);
          for (const lang of LANGS) {
            const text = explanation[lang];
            found.push(...rawCodesIn(text, lang, data, substituted(spec.explanation[lang], text)));
          }
          for (const evidence of hit.evidence) {
            const row = rows.get(refKey(evidence)) ?? {};
            const values = Object.fromEntries(
              Object.entries(row).filter(([c]) => !c.startsWith('_') && !c.endsWith('_sk')),
            );
            for (const lang of LANGS) {
              const shown = Object.entries(values).map(([c, v]) =>
                columnValueText(evidence.dataset, c, v, lang, places),
              );
              const exported = Object.entries(evidenceValuesInWords(evidence.dataset, values, lang, places));
              for (const text of [...shown, ...exported.map(([, v]) => v)]) found.push(...rawCodesIn(text, lang, data));
              // A field's label is words by nature; only its language is checked.
              for (const [label] of exported) found.push(...rawCodesIn(label, lang, data, []));
            }
          }
        }
        expect(found).toEqual([]);
      });
    }
  });
}
