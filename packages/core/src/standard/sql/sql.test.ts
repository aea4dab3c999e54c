// Structure only: core never runs SQL. The property test feeding the TypeScript normalisers
// and both SQL forms the same inputs lives in the server and runs against real DuckDB and
// PostgreSQL (lake team).
import { describe, expect, it } from 'vitest';
import { dateSql } from './date.js';
import { type SqlDialect } from './dialect.js';
import { idCheckDigitSql } from './id-number.js';
import { moneySql } from './money.js';
import { usccCheckDigitSql } from './uscc.js';

const DIALECTS: SqlDialect[] = ['duckdb', 'postgres'];
const BUILDERS = { idCheckDigitSql, usccCheckDigitSql, dateSql, moneySql };

function balanced(sql: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const ch of sql) {
    if (ch === "'") quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')' && --depth < 0) return false;
  }
  return depth === 0 && !quoted;
}

describe('SQL forms of the validators', () => {
  for (const dialect of DIALECTS) {
    for (const [name, build] of Object.entries(BUILDERS)) {
      it(`${name} (${dialect}) is one balanced CASE expression over the given column`, () => {
        const sql = build(dialect, 'raw_value');
        expect(sql.startsWith('CASE ')).toBe(true);
        expect(sql.endsWith(' END')).toBe(true);
        expect(sql).toContain('raw_value');
        expect(balanced(sql)).toBe(true);
        expect(sql).not.toMatch(/;/);
      });
    }
  }

  it('uses each engine’s own regex match', () => {
    expect(idCheckDigitSql('duckdb', 'x')).toContain('regexp_full_match(');
    expect(idCheckDigitSql('postgres', 'x')).toContain(" ~ '^(?:");
    expect(idCheckDigitSql('postgres', 'x')).not.toContain('regexp_full_match');
  });

  it('carries the MOD 11-2 check characters and the 15-digit conversion', () => {
    const sql = idCheckDigitSql('duckdb', 'x');
    expect(sql).toContain("'10X98765432'");
    expect(sql).toContain("'19'");
  });

  it('carries the GB 32100 character set', () => {
    expect(usccCheckDigitSql('postgres', 'x')).toContain("'0123456789ABCDEFGHJKLMNPQRTUWXY'");
  });

  it('embeds a column expression without rewriting it', () => {
    expect(moneySql('postgres', 't."发放金额"')).toContain('t."发放金额"');
    expect(dateSql('duckdb', 'trim(c)')).toContain('trim(c)');
  });
});
