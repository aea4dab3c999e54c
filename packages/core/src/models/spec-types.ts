/**
 * Comparison models (比对模型) as data. A model is a versioned, JSON-serialisable document:
 * the built-in library ships as such documents, the no-code builder in the console produces
 * the same shape, and `compileModel` turns one into SQL for the lake engine in use.
 *
 * The logic is either a rule (sources joined on keys, conditions, optional aggregation or
 * outlier test) — the language the builder speaks — or, where a rule would be absurd, a
 * hand-written SQL template with named parameters that the compiler binds (never splices).
 */

import type { LocalisedText } from '../standard/result.js';
import type { ModelCategory } from './categories.js';

export type { LocalisedText, ModelCategory };

export type Severity = 'red' | 'orange' | 'yellow';

/** Parameter value kinds; lists bind one positional parameter per element. */
export type ParamType = 'int' | 'number' | 'money' | 'date' | 'text' | 'bool' | 'text_list' | 'date_list' | 'geofences';

/** One circular geofence (F08): centre in WGS-84 degrees, radius in km. */
export interface Geofence {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly radiusKm: number;
}

export type ParamValue = number | string | boolean | readonly string[] | readonly Geofence[] | null;

/** An editable parameter of a model; changing one per deployment is recorded by the caller. */
export interface ModelParameter {
  /** snake_case; referenced from the logic as `{ param: key }`. */
  readonly key: string;
  readonly type: ParamType;
  /** null = "not set": the logic must cope (e.g. `as_of` null means today). */
  readonly default: ParamValue;
  readonly label: LocalisedText;
  readonly unit?: 'days' | 'hours' | 'yuan' | 'percent' | 'ratio' | 'km' | 'count' | 'year' | 'mu';
  /** Inclusive bounds for numbers. */
  readonly min?: number;
  readonly max?: number;
  /** Allowed values for text and text lists (codes). */
  readonly options?: readonly string[];
}

// ---------------------------------------------------------------- expressions

/**
 * A value inside the logic.
 * - a string `alias.field` is a column of a source (`alias.id` reads the subject key
 *   `id_sk`; `alias.id.birth_date|sex|region` the values derived from an identity number);
 * - `{ param }` a model parameter; `{ value }` a literal (bound as a parameter too);
 * - `{ fn, args }` a portable function; `{ agg }` an aggregate (only in `aggregate`);
 * - `{ test }` a condition as a boolean; `{ case }` a conditional value;
 * - `{ stat }` a statistic of the outlier test (only with `outlier`);
 * - `{ lookup }` a scalar subquery (count/sum/min/max) over another dataset.
 */
export type Expr =
  | string
  | { readonly param: string }
  | { readonly value: string | number | boolean | null }
  | { readonly fn: FnName; readonly args: readonly Expr[] }
  | { readonly agg: AggName; readonly arg?: Expr; readonly distinct?: boolean; readonly filter?: Condition }
  | { readonly test: Condition }
  | { readonly case: readonly { readonly when: Condition; readonly then: Expr }[]; readonly else?: Expr }
  | { readonly stat: OutlierStat }
  | { readonly lookup: Lookup };

/**
 * Portable functions, each compiled to equivalent SQL on both engines:
 * add_days(date|timestamp, days); days_between(from, to) = to − from in whole days;
 * month_start('YYYY-MM') and month_end → date; month_of(date) → 'YYYY-MM'; year_of → int;
 * year_start(int)/year_end(int) → date; date_of(timestamp) → date; age_years(birth, on);
 * iso_dow (1 = Monday … 7 = Sunday); hour_of(timestamp); add, sub, mul, div (null on ÷0);
 * abs; coalesce; concat (text); distance_km(lat1, lon1, lat2, lon2) (haversine);
 * text(x) (portable text form); division_within(inner, outer) (GB/T 2260 prefix containment);
 * today() (date of the run, prefer an `as_of` parameter). Calendar fields of a timestamp
 * (date_of, hour_of, iso_dow, month_of, year_of, days_between, age_years) are read on the
 * deployment's wall clock (WALL_CLOCK, Asia/Shanghai), not in UTC.
 */
export type FnName =
  | 'add_days'
  | 'days_between'
  | 'month_start'
  | 'month_end'
  | 'month_of'
  | 'year_of'
  | 'year_start'
  | 'year_end'
  | 'date_of'
  | 'age_years'
  | 'iso_dow'
  | 'hour_of'
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'abs'
  | 'coalesce'
  | 'concat'
  | 'distance_km'
  | 'text'
  | 'division_within'
  | 'today';

export type AggName = 'count' | 'sum' | 'min' | 'max' | 'avg';

/** A scalar subquery over one dataset, correlated with the outer sources through `where`. */
export interface Lookup {
  readonly alias: string;
  readonly dataset: string;
  readonly where: readonly Condition[];
  readonly agg: AggName;
  readonly arg?: Expr;
  readonly distinct?: boolean;
}

// ---------------------------------------------------------------- conditions

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

/**
 * A condition. `overlaps` and `during` treat a missing start or end as open; `exists` and
 * `not_exists` look for rows of another dataset (absence is not evidence, so those rows
 * never appear in a hit); `within_any` tests a point against a geofence-list parameter.
 */
export type Condition =
  | { readonly op: CompareOp; readonly left: Expr; readonly right: Expr }
  | { readonly op: 'in' | 'not_in'; readonly left: Expr; readonly list: readonly Expr[] | { readonly param: string } }
  | { readonly op: 'is_null' | 'not_null'; readonly expr: Expr }
  | { readonly op: 'and' | 'or'; readonly all: readonly Condition[] }
  | { readonly op: 'not'; readonly cond: Condition }
  | { readonly op: 'during'; readonly at: Expr; readonly from: Expr; readonly to: Expr }
  | { readonly op: 'overlaps'; readonly a: readonly [Expr, Expr]; readonly b: readonly [Expr, Expr] }
  | { readonly op: 'contains'; readonly text: Expr; readonly part: Expr }
  | {
      readonly op: 'exists' | 'not_exists';
      readonly alias: string;
      readonly dataset: string;
      readonly where: readonly Condition[];
    }
  | { readonly op: 'within_any'; readonly lat: Expr; readonly lon: Expr; readonly fences: { readonly param: string } };

// ---------------------------------------------------------------- logic

/** A dataset read by a rule. The first source is the root; the others join it. */
export interface Source {
  readonly alias: string;
  readonly dataset: string;
  /** The evidence role of its rows in a hit ('payment', 'death'…). */
  readonly role: string;
  /** How it joins the sources before it (not for the first source). Default inner. */
  readonly join?: 'inner' | 'left';
  readonly on?: readonly Condition[];
  /** Filters on this source alone (for a left join they go into the ON clause). */
  readonly where?: readonly Condition[];
}

/** Group the joined rows; each group passing `having` is one hit whose evidence is all its rows. */
export interface Aggregation {
  readonly groupBy: readonly Expr[];
  readonly having: readonly Condition[];
}

export type OutlierStat = 'q1' | 'q3' | 'iqr' | 'mean' | 'sd' | 'n' | 'low_fence' | 'high_fence';

/**
 * Flags rows whose `value` lies outside the fences of its partition: quartile fences
 * (Q1 − k·IQR, Q3 + k·IQR) or mean ± k·sd, over partitions with at least `minCount` rows.
 */
export interface OutlierTest {
  readonly value: Expr;
  readonly partitionBy: readonly Expr[];
  readonly method: 'iqr' | 'mean_sd';
  readonly k: Expr;
  readonly side: 'high' | 'low' | 'both';
  readonly minCount?: Expr;
}

/** The rule language (what the no-code builder produces). */
export interface RuleLogic {
  readonly kind: 'rule';
  readonly sources: readonly Source[];
  readonly where?: readonly Condition[];
  readonly aggregate?: Aggregation;
  readonly outlier?: OutlierTest;
  /** The primary subject key of a hit (a subject column such as 'p.id'). */
  readonly subject: Expr;
  /** Other subjects involved (the official, the company…). */
  readonly related?: readonly Expr[];
  /** Values the explanation template names, by placeholder. */
  readonly facts: Readonly<Record<string, Expr>>;
  /**
   * What makes one warning: the hit's identity across runs, so every row sharing it is one
   * problem with all of them as evidence. Default: the natural key each source's dataset type
   * declares (DatasetType.naturalKey), in source order (rule, outlier test), or the group keys
   * (aggregate), i.e. one warning per row. Give it to gather a problem that repeats (every
   * payment to a dead person of one programme: `['p.id', 'p.program']`) or to merge hits found
   * by several branches. It must not name a value that changes as rows are added (a month, an
   * amount): an incremental run then adds evidence to the open warning instead of making one.
   */
  readonly key?: readonly Expr[];
  /** Conditions (in this rule's scope) raising the severity; the first that holds wins. */
  readonly escalate?: readonly { readonly to: Severity; readonly when: Condition }[];
}

/** Several rules whose hits together are the model's hits (one per way of breaking the rule). */
export interface UnionLogic {
  readonly kind: 'union';
  readonly branches: readonly (RuleLogic & { readonly name: string })[];
}

/** A fact column produced by a SQL template, and its portable type. */
/** `ratio` is a number read as a share of a whole (0.99), which a reader sees as a percentage. */
export type FactType = 'text' | 'int' | 'number' | 'ratio' | 'money' | 'date' | 'timestamp' | 'bool' | 'subject';

/**
 * Hand-written SQL, one text per engine (or one portable text). Placeholders `{{param}}`
 * are replaced by bound positional parameters. The SELECT must return one row per evidence
 * row with: key_text, subject_sk, evidence_dataset, evidence_batch, evidence_row,
 * evidence_role, and `fact_<name>` for each entry of `facts`. Templates run in full only.
 */
export interface SqlTemplateLogic {
  readonly kind: 'sql';
  readonly sql: { readonly duckdb: string; readonly postgres: string } | { readonly portable: string };
  readonly facts: Readonly<Record<string, FactType>>;
  /** Why this model is not written in the rule language. */
  readonly why: string;
}

export type ModelLogic = RuleLogic | UnionLogic | SqlTemplateLogic;

/**
 * What a grouped warning sums up over its evidence: the rows of role `items` are the things
 * it counts (the payments, the claims), each once however often it is imported (by its
 * dataset's natural key); `period` and `amount` name facts that are values of that item row
 * itself (its month or date, its amount in yuan), so the warning shows the period its items
 * span and their total. In an aggregating rule that holds only when each group is one item.
 * The explanation may name `{count}` (items), `{first}`, `{last}` (the period's ends) and
 * `{total}`, which the platform fills from all the warning's evidence, stored and new.
 */
export interface WarningSummary {
  readonly items: string;
  readonly period?: string;
  readonly amount?: string;
}

/** A comparison model document. */
export interface ModelSpec {
  readonly id: string;
  readonly version: number;
  readonly name: LocalisedText;
  readonly category: ModelCategory;
  /** Dataset types read. */
  readonly inputs: readonly string[];
  readonly parameters: readonly ModelParameter[];
  readonly severity: Severity;
  /** Shown beside the escalation rules of the logic. */
  readonly escalation?: LocalisedText;
  /** Legal or policy basis, one line. */
  readonly basis: LocalisedText;
  /** Hit explanation with `{fact}` placeholders naming evidence values. */
  readonly explanation: LocalisedText;
  readonly handling: LocalisedText;
  /** Open Contracting red-flag indicator reproduced, if any (R003…). */
  readonly indicator?: string;
  /**
   * false: always evaluated over everything. Otherwise the datasets whose new rows drive an
   * incremental run: each driver source is restricted to the new batches in turn, joined
   * against all existing data.
   */
  readonly incremental: false | { readonly drivers: readonly string[] };
  readonly logic: ModelLogic;
  /** What one warning sums up when its key gathers several rows (see WarningSummary). */
  readonly summary?: WarningSummary;
}
