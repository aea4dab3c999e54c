import { describe, expect, it } from 'vitest';
import { Binder, type ModelEngine } from './compiler/binder.js';
import { dialectFor } from './compiler/dialect.js';
import { compileFn } from './compiler/functions.js';
import { Scope, type Ctx } from './compiler/scope.js';
import { jsonValue, type Compiled } from './compiler/sql-types.js';
import { findBuiltinModel, renderExplanation } from './library/index.js';
import type { FnName, ModelSpec } from './spec-types.js';
import { wallClockMinute } from './wall-clock.js';

const ENGINES: readonly ModelEngine[] = ['duckdb', 'postgres'];
const ts: Compiled = { sql: 'x', type: 'timestamp' };
const day: Compiled = { sql: 'x', type: 'date' };
// The shifted reading each engine takes calendar fields from: UTC plus eight hours, no zone names.
const WALL: Record<ModelEngine, string> = {
  duckdb: "(x + INTERVAL '8 hours')",
  postgres: "((x AT TIME ZONE 'UTC') + INTERVAL '8 hours')",
};

function ctxFor(engine: ModelEngine): Ctx {
  return {
    spec: findBuiltinModel('W01') as ModelSpec,
    params: {},
    binder: new Binder(engine),
    d: dialectFor(engine),
    scope: new Scope(),
    path: 'logic',
    allowAgg: false,
  };
}

const sqlOf = (name: FnName, args: Compiled[], engine: ModelEngine) => compileFn(name, args, ctxFor(engine)).sql;

describe('calendar functions of a timestamp', () => {
  for (const engine of ENGINES) {
    it(`read the Asia/Shanghai wall clock by a fixed shift on ${engine}`, () => {
      const wall = WALL[engine];
      expect(sqlOf('hour_of', [ts], engine)).toBe(`CAST(extract(hour from ${wall}) AS INTEGER)`);
      expect(sqlOf('date_of', [ts], engine)).toBe(`CAST(${wall} AS DATE)`);
      expect(sqlOf('iso_dow', [ts], engine)).toBe(`CAST(extract(isodow from ${wall}) AS INTEGER)`);
      expect(sqlOf('year_of', [ts], engine)).toBe(`CAST(extract(year from ${wall}) AS INTEGER)`);
      expect(sqlOf('month_of', [ts], engine)).toContain(wall);
      expect(sqlOf('days_between', [day, ts], engine)).toBe(`CAST(CAST(${wall} AS DATE) - CAST(x AS DATE) AS INTEGER)`);
      expect(sqlOf('age_years', [day, ts], engine)).toContain(`extract(year from ${wall})`);
      // Neither the session's TimeZone nor DuckDB's ICU zone names are involved.
      expect(sqlOf('hour_of', [ts], engine)).not.toContain('Asia/Shanghai');
    });

    it(`leave dates as they are on ${engine}`, () => {
      expect(sqlOf('date_of', [day], engine)).toBe('CAST(x AS DATE)');
      expect(sqlOf('iso_dow', [day], engine)).toBe('CAST(extract(isodow from x) AS INTEGER)');
      expect(sqlOf('days_between', [day, day], engine)).toBe('CAST(CAST(x AS DATE) - CAST(x AS DATE) AS INTEGER)');
      expect(sqlOf('month_of', [day], engine)).not.toContain('INTERVAL');
    });

    it(`give a timestamp fact its wall-clock reading with the offset on ${engine}`, () => {
      const fact = jsonValue(ts, dialectFor(engine));
      expect(fact).toContain(WALL[engine]);
      expect(fact).toContain('+08:00');
    });
  }
});

describe('explanations', () => {
  it('show an instant as Asia/Shanghai wall-clock minutes in both languages', () => {
    const f07 = findBuiltinModel('F07') as ModelSpec;
    const facts = { plate: '公A1', start_at: '2024-03-02T21:30:00+08:00', to_place: '某地', off_day: true };
    expect(renderExplanation(f07.explanation.zh, facts)).toBe(
      '公A1于2024-03-02 21:30出车至某地，无派车单（节假日：true）',
    );
    expect(renderExplanation(f07.explanation.en, facts)).toContain('left at 2024-03-02 21:30 for 某地');
  });

  it('convert an instant written in another offset, and leave other text alone', () => {
    expect(wallClockMinute('2024-03-01T17:30:00Z')).toBe('2024-03-02 01:30');
    expect(wallClockMinute('2024-03-01T17:30:00.250-01:00')).toBe('2024-03-02 02:30');
    expect(wallClockMinute('2024-03-01')).toBeUndefined();
    expect(wallClockMinute('2024-03-01 17:30:00')).toBeUndefined();
    expect(renderExplanation('{a} {b}', { a: '2024-03-01', b: 'T1' })).toBe('2024-03-01 T1');
  });
});
