import {
  type FieldDef,
  type SqlDialect,
  accountSql,
  blankSql,
  boolSql,
  cleanTextSql,
  dateSql,
  datetimeSql,
  decimalSql,
  divisionSql,
  enumSql,
  findDataset,
  findField,
  idCheckCharacter,
  idCheckDigitSql,
  intSql,
  isBlank,
  latSql,
  lonSql,
  moneySql,
  monthSql,
  normaliseValue,
  phoneSql,
  usccCheckCharacter,
  usccCheckDigitSql,
} from '@qingfeng/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LakeEngine } from '../../../lake/index.js';
import { createTestLake, createTextTable, type TestLake, testDatabaseUrl } from '../../../testing/test-lake.js';

/*
 * The architecture's promise: each normaliser's SQL form agrees with its TypeScript form.
 * The SQL forms are a fast path, so "agree" means: on every input the SQL form gives
 * exactly the TS form's value, or NULL (and the import then asks the TS form). The same
 * random inputs go to both, on each real engine; and the everyday shapes must not be NULL,
 * or the fast path would not be fast.
 */

const field = (dataset: string, key: string): FieldDef => findField(findDataset(dataset)!, key)!;

// Characters that exercise the normalisers' edges: full width, odd spaces, separators, units.
const EDGE_CHARS = [
  ...'0123456789０１２３４５６７８９',
  ...' \u3000\u00a0\u200b\t-－/.．:年月日号份元万亿￥¥,，()（）xXＸ+eE%°',
  ...'是否YNyn有无对TtFf',
];
const edgeText = fc.array(fc.constantFrom(...EDGE_CHARS), { maxLength: 22 }).map((a) => a.join(''));
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const ymd = fc.record({
  y: fc.integer({ min: 1790, max: 2210 }),
  m: fc.integer({ min: 0, max: 13 }),
  d: fc.integer({ min: 0, max: 32 }),
});
const dateText = fc.oneof(
  ymd.map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`),
  ymd.map(({ y, m, d }) => `${y}/${m}/${d}`),
  ymd.map(({ y, m, d }) => `${y}年${m}月${d}日`),
  ymd.map(({ y, m, d }) => `${y}${pad(m)}${pad(d)}`),
  ymd.map(({ y, m, d }) => `${y}.${m}.${d}`),
  fc.integer({ min: 9000, max: 100_500 }).map(String),
  fc.tuple(fc.integer({ min: 10_000, max: 99_999 }), fc.integer({ min: 0, max: 9999 })).map(([a, b]) => `${a}.${b}`),
);
const timeText = fc
  .tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.option(fc.integer({ min: 0, max: 61 })))
  .map(([h, m, s]) => `${h}:${pad(m)}${s === null ? '' : `:${pad(s)}`}`);
const datetimeText = fc.oneof(
  dateText,
  fc.tuple(dateText, fc.constantFrom(' ', 'T', '  '), timeText).map(([d, sep, t]) => `${d}${sep}${t}`),
  fc.tuple(dateText, timeText).map(([d, t]) => `${d} ${t}+08:00`),
);
const idText = fc
  .tuple(
    fc.constantFrom('110105', '330106', '990101', '440300'),
    ymd,
    fc.integer({ min: 0, max: 999 }),
    fc.integer({ min: 0, max: 3 }),
  )
  .map(([region, { y, m, d }, seq, style]) => {
    const first17 = `${region}${y}${pad(m)}${pad(d)}${pad(seq, 3)}`;
    const id = first17 + idCheckCharacter(first17);
    if (style === 1) return id.toLowerCase().replace(/(.{6})/g, '$1 ');
    if (style === 2) return `${region}${String(y).slice(2)}${pad(m)}${pad(d)}${pad(seq, 3)}`; // 15 digits
    if (style === 3) return id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
    return id;
  });
const usccText = fc
  .array(fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'), { minLength: 17, maxLength: 17 })
  .map((chars) => {
    chars.splice(2, 6, ...'350100');
    const body = chars.join('');
    return body + usccCheckCharacter(body);
  });
const moneyText = fc.oneof(
  fc
    .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 999 }))
    .map(([a, b]) => `${a}.${b}`),
  fc.integer({ min: 0, max: 99_999_999 }).map((n) => n.toLocaleString('en-US')),
  fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.constantFrom('元', '万元', '亿', '千元', ''))
    .map(([n, u]) => `￥${n / 100}${u}`),
  fc.integer({ min: 0, max: 9999 }).map((n) => `(${n})`),
);

interface Case {
  name: string;
  field: FieldDef;
  sql: (dialect: SqlDialect, expr: string) => string;
  inputs: fc.Arbitrary<string>;
  /** Everyday inputs the SQL form must accept. */
  common: string[];
  /** The TS value in the shape the engine returns it. */
  expected?: (value: unknown) => unknown;
}

const asNumber = (v: unknown) => Number(v);
const asInstant = (v: unknown) => new Date(String(v)).toISOString();

const CASES: Case[] = [
  {
    name: 'id',
    field: field('person', 'id'),
    sql: idCheckDigitSql,
    inputs: fc.oneof(idText, edgeText),
    common: ['11010519491231002X', '11010519491231002x'],
  },
  {
    name: 'uscc',
    field: field('company', 'uscc'),
    sql: usccCheckDigitSql,
    inputs: fc.oneof(usccText, edgeText),
    common: ['91350100M000100Y43'],
  },
  {
    name: 'date',
    field: field('benefit_payment', 'paid_on'),
    sql: dateSql,
    inputs: fc.oneof(datetimeText, edgeText),
    common: ['2024-03-05', '2024/3/5', '20240305', '2024年3月5日', '45356', '2024-03-05 12:00'],
  },
  {
    name: 'datetime',
    field: field('bid', 'submitted_at'),
    sql: datetimeSql,
    inputs: fc.oneof(datetimeText, edgeText),
    common: ['2024-03-05 14:30', '2024/3/5 9:05:07', '2024-03-05', '45356.75'],
    expected: asInstant,
  },
  {
    name: 'month',
    field: field('benefit_payment', 'period'),
    sql: monthSql,
    inputs: fc.oneof(
      datetimeText,
      edgeText,
      ymd.map(({ y, m }) => `${y}${pad(m)}`),
    ),
    common: ['2024-03', '202403', '2024年3月'],
  },
  {
    name: 'money',
    field: field('benefit_payment', 'amount'),
    sql: (d, e) => moneySql(d, e),
    inputs: fc.oneof(moneyText, edgeText),
    common: ['1234.5', '1,234.50', '1234.50元', '￥1234.5', '0.12万元'],
  },
  {
    name: 'bool',
    field: field('collective_ledger', 'cash'),
    sql: boolSql,
    inputs: edgeText,
    common: ['是', '否', 'Y', 'n', '1', '0', 'true', '有', '无'],
  },
  {
    name: 'enum',
    field: field('person', 'status'),
    sql: (d, e) => enumSql(d, e, (field('person', 'status') as FieldDef & { values: [] }).values),
    inputs: fc.oneof(fc.constantFrom('正常', ' 死亡 ', 'DECEASED', 'moved_out', '迁 出', '服刑', 'x'), edgeText),
    common: ['正常', 'deceased', '死亡'],
  },
  {
    name: 'division',
    field: field('person', 'division'),
    sql: divisionSql,
    inputs: fc.oneof(
      fc.constantFrom('330106', '330106001', '330106001001', '990106', "'330106", '３３０１０６'),
      edgeText,
    ),
    common: ['330106', '330106001001'],
  },
  {
    name: 'phone',
    field: field('person', 'phone'),
    sql: phoneSql,
    inputs: fc.oneof(
      fc.constantFrom('13812345678', '+86 138 1234 5678', '138-1234-5678', '0591-87654321', '86-13812345678', '12345'),
      edgeText,
    ),
    common: ['13812345678', '0591-87654321'],
  },
  {
    name: 'account',
    field: field('benefit_payment', 'account_no'),
    sql: accountSql,
    inputs: fc.oneof(fc.constantFrom('6222 0212 3456 7890', '1.23E+17', '1E17', "'622202", 'abc123'), edgeText),
    common: ['6222021234567890'],
  },
  {
    name: 'text',
    field: field('benefit_payment', 'name'),
    sql: cleanTextSql,
    inputs: fc.oneof(edgeText, fc.string()),
    // Plain text with and without spaces at its ends (the fast path trims only those).
    common: ['张三', ' 张三', 'P001 ', ' a b '],
  },
  {
    name: 'int',
    field: field('tender', 'bidder_count'),
    sql: intSql,
    inputs: fc.oneof(edgeText, fc.integer().map(String), fc.constantFrom('1,234', '12.0', '1.5', '-0')),
    common: ['3', '1,234', '12.0'],
    expected: asNumber,
  },
  {
    name: 'decimal',
    field: field('company_role', 'share_pct'),
    sql: decimalSql,
    inputs: fc.oneof(edgeText, fc.double({ noNaN: true }).map(String), fc.constantFrom('12.5%', '1e5', '.5')),
    common: ['12.5', '12.5%'],
    expected: asNumber,
  },
  {
    name: 'lat',
    field: field('collective_asset', 'lat'),
    sql: latSql,
    inputs: fc.oneof(edgeText, fc.double({ min: -100, max: 100, noNaN: true }).map(String)),
    common: ['26.08', '26.08°'],
    expected: asNumber,
  },
  {
    name: 'lon',
    field: field('collective_asset', 'lon'),
    sql: lonSql,
    inputs: fc.oneof(edgeText, fc.double({ min: -200, max: 200, noNaN: true }).map(String)),
    common: ['119.3'],
    expected: asNumber,
  },
];

const engines: LakeEngine[] = testDatabaseUrl() ? ['duckdb', 'postgres'] : ['duckdb'];
const SAMPLES = 300;

for (const engine of engines) {
  describe(`SQL forms agree with the TypeScript normalisers (${engine})`, () => {
    let testLake: TestLake;
    let table = 0;

    beforeAll(async () => {
      testLake = await createTestLake(engine);
    });
    afterAll(async () => testLake?.cleanup());

    /** Runs `expr` over each input in the engine, returning the results in input order. */
    async function runSql(build: (dialect: SqlDialect, expr: string) => string, inputs: string[]): Promise<unknown[]> {
      const lake = testLake.lake;
      const name = `prop_inputs_${++table}`;
      await createTextTable(lake, name, inputs);
      const rows = await lake.query<{ v: unknown }>(`SELECT ${build(engine, 'x')} AS v FROM ${name} ORDER BY i`);
      return rows.map((r) => r.v);
    }

    for (const c of CASES) {
      it(`${c.name}: the SQL form gives the TS value or NULL, and takes the everyday forms`, async () => {
        const inputs = [...c.common, ...fc.sample(c.inputs, { numRuns: SAMPLES, seed: 20261123 })];
        const results = await runSql(c.sql, inputs);
        const disagreements: string[] = [];
        inputs.forEach((input, i) => {
          const sqlValue = results[i];
          const ts = normaliseValue({ ...c.field, required: false }, input);
          if (sqlValue === null || sqlValue === undefined) {
            if (i < c.common.length) disagreements.push(`${JSON.stringify(input)}: everyday form not taken by SQL`);
            return;
          }
          if (isBlank(input)) return; // blank cells are decided before the value (blankSql)
          const tsValue = ts.ok ? (c.expected ?? ((v: unknown) => v))(ts.value) : undefined;
          const got = c.expected ? c.expected(sqlValue) : sqlValue;
          if (!ts.ok || got !== tsValue) {
            disagreements.push(
              `${JSON.stringify(input)}: SQL ${JSON.stringify(sqlValue)}, TS ${JSON.stringify(ts.ok ? ts.value : ts.reason.en)}`,
            );
          }
        });
        expect(disagreements).toEqual([]);
      });
    }

    it('money: an amount too long for the engine is NULL (left to the TypeScript normaliser), not an error', async () => {
      const tooLarge = ['9'.repeat(100_000), `${'1'.repeat(27)}.5`, '1e300', '1e999万元'];
      const tiny = `0.${'0'.repeat(2000)}1`; // a value, 0.00, that one engine may also leave to TypeScript
      const results = await runSql((d, e) => moneySql(d, e), [...tooLarge, tiny]);
      expect(results.slice(0, tooLarge.length)).toEqual(tooLarge.map(() => null));
      expect([null, '0.00']).toContain(results[tooLarge.length]);
    });

    it('blank: the SQL test on cleaned text is isBlank', async () => {
      const inputs = [
        '',
        ' ',
        'NULL',
        'null',
        '\\N',
        '\u3000',
        '\u200b',
        'x',
        ' 0 ',
        'none',
        ...fc.sample(edgeText, { numRuns: 100, seed: 7 }),
      ];
      const results = await runSql((d, e) => `CASE WHEN ${blankSql(cleanTextSql(d, e))} THEN 1 ELSE 0 END`, inputs);
      inputs.forEach((input, i) => expect(Number(results[i]), JSON.stringify(input)).toBe(isBlank(input) ? 1 : 0));
    });
  });
}
