import { ModelSpecError } from '../errors.js';
import type { FnName } from '../spec-types.js';
import type { Dialect } from './dialect.js';
import type { Ctx } from './scope.js';
import { isNumeric, portableText, type Compiled, type SqlType } from './sql-types.js';

const ARITY: Record<FnName, number | [number, number]> = {
  add_days: 2,
  days_between: 2,
  month_start: 1,
  month_end: 1,
  month_of: 1,
  year_of: 1,
  year_start: 1,
  year_end: 1,
  date_of: 1,
  age_years: 2,
  iso_dow: 1,
  hour_of: 1,
  add: 2,
  sub: 2,
  mul: 2,
  div: 2,
  abs: 1,
  coalesce: [2, 8],
  concat: [2, 8],
  distance_km: 4,
  text: 1,
  division_within: 2,
  today: 0,
};

/** The names of the portable functions a model may call (see FnName). */
export const PORTABLE_FUNCTIONS = Object.keys(ARITY) as readonly FnName[];

function arithmeticType(a: SqlType, b: SqlType): SqlType {
  if (a === 'int' && b === 'int') return 'int';
  if (a === 'money' && b === 'money') return 'money';
  if ((a === 'money' && b === 'int') || (a === 'int' && b === 'money')) return 'money';
  return 'num';
}

/**
 * What calendar fields are taken from: a timestamp (an instant) as read on the deployment's
 * wall clock, so hours and days are the county's, not UTC's; a date as it is.
 */
function calendar(c: Compiled, d: Dialect): string {
  return c.type === 'timestamp' ? d.wallClock(c.sql) : c.sql;
}

/** Whole years between a birth date and a date (same rule as core's ageOn). */
function ageYears(birth: string, on: string): string {
  const md = (x: string) => `(extract(month from ${x}) * 100 + extract(day from ${x}))`;
  return `CAST(extract(year from ${on}) - extract(year from ${birth}) - (CASE WHEN ${md(on)} < ${md(birth)} THEN 1 ELSE 0 END) AS INTEGER)`;
}

/** Compiles a portable function call (see FnName in spec-types.ts for the meanings). */
export function compileFn(name: FnName, args: Compiled[], ctx: Ctx): Compiled {
  const arity = ARITY[name];
  if (arity === undefined) throw new ModelSpecError(ctx.path, `unknown function "${String(name)}"`);
  const [lo, hi] = typeof arity === 'number' ? [arity, arity] : arity;
  if (args.length < lo || args.length > hi) throw new ModelSpecError(ctx.path, `${name}() takes ${lo}–${hi} arguments`);
  const s = args.map((a) => a.sql);
  const [a = '', b = ''] = s;
  const t0 = args[0]?.type ?? 'null';
  const { d } = ctx;
  const [cal0 = '', cal1 = ''] = args.map((x) => calendar(x, d));
  switch (name) {
    case 'add_days':
      // date + integer is a date on both engines; timestamps need an interval.
      return t0 === 'timestamp'
        ? { sql: `(${a} + CAST(${b} AS INTEGER) * INTERVAL '1 day')`, type: 'timestamp' }
        : { sql: `(CAST(${a} AS DATE) + CAST(${b} AS INTEGER))`, type: 'date' };
    case 'days_between':
      return { sql: `CAST(CAST(${cal1} AS DATE) - CAST(${cal0} AS DATE) AS INTEGER)`, type: 'int' };
    case 'month_start':
      return { sql: `CAST(${a} || '-01' AS DATE)`, type: 'date' };
    case 'month_end':
      return { sql: `(CAST(CAST(${a} || '-01' AS DATE) + INTERVAL '1 month' AS DATE) - 1)`, type: 'date' };
    case 'month_of':
      return { sql: d.monthOf(cal0), type: 'text' };
    case 'year_of':
      return { sql: `CAST(extract(year from ${cal0}) AS INTEGER)`, type: 'int' };
    case 'year_start':
      return { sql: `make_date(CAST(${a} AS INTEGER), 1, 1)`, type: 'date' };
    case 'year_end':
      return { sql: `make_date(CAST(${a} AS INTEGER), 12, 31)`, type: 'date' };
    case 'date_of':
      return { sql: `CAST(${cal0} AS DATE)`, type: 'date' };
    case 'age_years':
      return { sql: ageYears(cal0, cal1), type: 'int' };
    case 'iso_dow':
      return { sql: `CAST(extract(isodow from ${cal0}) AS INTEGER)`, type: 'int' };
    case 'hour_of':
      return { sql: `CAST(extract(hour from ${cal0}) AS INTEGER)`, type: 'int' };
    case 'add':
    case 'sub':
    case 'mul': {
      const op = name === 'add' ? '+' : name === 'sub' ? '-' : '*';
      const t1 = args[1]?.type ?? 'null';
      const type = name === 'mul' && (t0 === 'money' || t1 === 'money') && t0 !== t1 ? 'num' : arithmeticType(t0, t1);
      // money × number is a double on both engines; keep it one so the printed form matches.
      const cast = (x: string, t: SqlType) => (type === 'num' && t !== 'num' ? `CAST(${x} AS ${d.double})` : x);
      return { sql: `(${cast(a, t0)} ${op} ${cast(b, t1)})`, type };
    }
    case 'div':
      return { sql: `(CAST(${a} AS ${d.double}) / NULLIF(CAST(${b} AS ${d.double}), 0))`, type: 'num' };
    case 'abs':
      return { sql: `abs(${a})`, type: t0 };
    case 'coalesce': {
      const type = args.map((x) => x.type).find((t) => t !== 'null') ?? 'null';
      return { sql: `COALESCE(${s.join(', ')})`, type };
    }
    case 'concat':
      return { sql: `(${args.map((x) => `COALESCE(${portableText(x, d)}, '')`).join(' || ')})`, type: 'text' };
    case 'distance_km': {
      if (!args.every((x) => isNumeric(x.type) || x.type === 'null'))
        throw new ModelSpecError(ctx.path, 'distance_km() needs numbers');
      const [lat1, lon1, lat2, lon2] = s.map((x) => `CAST(${x} AS ${d.double})`);
      const hav = `power(sin(radians(${lat2} - ${lat1}) / 2), 2) + cos(radians(${lat1})) * cos(radians(${lat2})) * power(sin(radians(${lon2} - ${lon1}) / 2), 2)`;
      return { sql: `(12742.0 * asin(sqrt(${hav})))`, type: 'num' };
    }
    case 'text':
      return { sql: portableText(args[0] as Compiled, d), type: 'text' };
    case 'division_within':
      // GB/T 2260: a division contains every code that starts with its code minus trailing zeros.
      return { sql: `starts_with(${a}, rtrim(${b}, '0'))`, type: 'bool' };
    case 'today':
      return { sql: 'CURRENT_DATE', type: 'date' };
  }
}
