import { BENEFIT_PROGRAMMES } from '../../standard/programmes.js';
import type {
  AggName,
  CompareOp,
  Condition,
  Expr,
  FnName,
  LocalisedText,
  ModelParameter,
  ParamType,
  ParamValue,
} from '../spec-types.js';

// Small builders so the library documents read like the rules they encode. They only
// assemble plain objects: every model is still a JSON-serialisable document.

export const param = (key: string): Expr => ({ param: key });
export const val = (value: string | number | boolean | null): Expr => ({ value });
export const fn = (name: FnName, ...args: Expr[]): Expr => ({ fn: name, args });
export const agg = (name: AggName, arg?: Expr, options: { distinct?: boolean; filter?: Condition } = {}): Expr =>
  arg === undefined ? { agg: name, ...options } : { agg: name, arg, ...options };
export const test = (cond: Condition): Expr => ({ test: cond });

export const cmp = (left: Expr, op: CompareOp, right: Expr): Condition => ({ op, left, right });
export const eq = (left: Expr, right: Expr): Condition => ({ op: '=', left, right });
export const ne = (left: Expr, right: Expr): Condition => ({ op: '<>', left, right });
export const inList = (left: Expr, list: readonly Expr[] | string): Condition => ({
  op: 'in',
  left,
  list: typeof list === 'string' ? { param: list } : list,
});
export const notIn = (left: Expr, list: readonly Expr[] | string): Condition => ({
  op: 'not_in',
  left,
  list: typeof list === 'string' ? { param: list } : list,
});
export const isNull = (expr: Expr): Condition => ({ op: 'is_null', expr });
export const notNull = (expr: Expr): Condition => ({ op: 'not_null', expr });
export const and = (...all: Condition[]): Condition => ({ op: 'and', all });
export const or = (...all: Condition[]): Condition => ({ op: 'or', all });
export const not = (cond: Condition): Condition => ({ op: 'not', cond });
export const during = (at: Expr, from: Expr, to: Expr): Condition => ({ op: 'during', at, from, to });
export const overlaps = (a: [Expr, Expr], b: [Expr, Expr]): Condition => ({ op: 'overlaps', a, b });
export const contains = (text: Expr, part: Expr): Condition => ({ op: 'contains', text, part });
export const exists = (alias: string, dataset: string, ...where: Condition[]): Condition => ({
  op: 'exists',
  alias,
  dataset,
  where,
});
export const notExists = (alias: string, dataset: string, ...where: Condition[]): Condition => ({
  op: 'not_exists',
  alias,
  dataset,
  where,
});

/** Text that is null or blank after trimming counts as missing. */
export const blank = (expr: Expr): Condition => or(isNull(expr), eq(expr, val('')));

export const zhEn = (zh: string, en: string): LocalisedText => ({ zh, en });

/** A parameter declaration. */
export function parameter(
  key: string,
  type: ParamType,
  defaultValue: ParamValue,
  zh: string,
  en: string,
  rest: Partial<Pick<ModelParameter, 'unit' | 'min' | 'max' | 'options'>> = {},
): ModelParameter {
  return { key, type, default: defaultValue, label: { zh, en }, ...rest };
}

/** `as_of`: the date a run judges "now" by; null means the day it runs. */
export const AS_OF = parameter(
  'as_of',
  'date',
  null,
  '判断基准日（空为运行当日）',
  'Reference date (empty: day of the run)',
);
export const asOf: Expr = fn('coalesce', param('as_of'), fn('today'));

/** The codes of the seeded benefit programmes, as options of programme-list parameters. */
export const PROGRAMME_CODES: readonly string[] = BENEFIT_PROGRAMMES.map((p) => p.key);

/** 'YYYY-MM' a payment is for: its period, else the month it was paid. */
export const paymentMonth = (alias: string): Expr =>
  fn('coalesce', `${alias}.period`, fn('month_of', `${alias}.paid_on`));

/** Household members of a roll entry: the recipient, and everyone sharing the roll's household number. */
export const householdOf = (member: string, roll: string): Condition =>
  or(
    eq(`${member}.id`, `${roll}.id`),
    and(notNull(`${roll}.household_no`), eq(`${member}.household_no`, `${roll}.household_no`)),
  );

/**
 * Weekend or public holiday, unless the day is an adjusted working day (调休上班). `day` is a
 * date or a timestamp (whose day is the wall clock's: see the compiler's calendar functions).
 */
export const offDay = (day: Expr): Condition =>
  and(
    or(inList(fn('iso_dow', day), [val(6), val(7)]), inList(fn('date_of', day), 'holidays')),
    notIn(fn('date_of', day), 'workdays'),
  );

/** The holiday calendar parameters used by F01 and F07. */
export const HOLIDAY_PARAMS: ModelParameter[] = [
  parameter('holidays', 'date_list', [], '法定节假日（日期列表）', 'Public holidays (dates)'),
  parameter('workdays', 'date_list', [], '调休上班日（日期列表）', 'Adjusted working days on weekends (dates)'),
];
