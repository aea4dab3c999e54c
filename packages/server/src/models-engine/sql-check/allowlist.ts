// What a model's SQL may call, by name, on either engine. An allowlist, not a deny-list:
// each engine has hundreds of functions and some read files (read_text, pg_read_file),
// change settings (set_config), read the catalog (duckdb_settings) or run SQL text of
// their own (query_to_xml, ts_stat, query), and a new engine release adds more. The names
// below are what the compiler emits for the built-in models on DuckDB and PostgreSQL, plus
// the ordinary aggregate, window, string, date and math functions of both; none touches
// anything but its arguments.

/** Aggregate and window functions. */
const AGGREGATES = [
  'any_value',
  'arg_max',
  'arg_min',
  'array_agg',
  'avg',
  'bool_and',
  'bool_or',
  'corr',
  'count',
  'count_star',
  'covar_pop',
  'covar_samp',
  'cume_dist',
  'dense_rank',
  'first_value',
  'lag',
  'last_value',
  'lead',
  'max',
  'max_by',
  'median',
  'min',
  'min_by',
  'mode',
  'nth_value',
  'ntile',
  'percent_rank',
  'percentile_cont',
  'percentile_disc',
  'quantile_cont',
  'quantile_disc',
  'rank',
  'row_number',
  'stddev',
  'stddev_pop',
  'stddev_samp',
  'string_agg',
  'sum',
  'var_pop',
  'var_samp',
  'variance',
];

/** Text functions (PostgreSQL's parser writes SIMILAR TO with similar_to_escape, DuckDB's LIKE … ESCAPE with like_escape). */
const TEXT = [
  'btrim',
  'char_length',
  'concat',
  'concat_ws',
  'contains',
  'ends_with',
  'initcap',
  'left',
  'length',
  'like_escape',
  'lower',
  'lpad',
  'ltrim',
  'md5',
  'overlay',
  'position',
  'prefix',
  'regexp_matches',
  'regexp_replace',
  'repeat',
  'replace',
  'reverse',
  'right',
  'rpad',
  'rtrim',
  'similar_to_escape',
  'split_part',
  'starts_with',
  'strpos',
  'substr',
  'substring',
  'suffix',
  'translate',
  'trim',
  'upper',
];

/** Dates and times (PostgreSQL's parser writes EXTRACT and AT TIME ZONE as pg_catalog calls). */
const DATES = [
  'age',
  'current_date',
  'current_timestamp',
  'date_add',
  'date_diff',
  'date_part',
  'date_trunc',
  'datediff',
  'day',
  'extract',
  'last_day',
  'make_date',
  'make_timestamp',
  'month',
  'now',
  'strftime',
  'strptime',
  'timezone',
  'to_char',
  'to_date',
  'to_timestamp',
  'today',
  'year',
];

/** Arithmetic. */
const MATH = [
  'abs',
  'acos',
  'asin',
  'atan',
  'atan2',
  'ceil',
  'ceiling',
  'cos',
  'degrees',
  'exp',
  'floor',
  'greatest',
  'least',
  'ln',
  'log',
  'log10',
  'mod',
  'pi',
  'pow',
  'power',
  'radians',
  'round',
  'sign',
  'sin',
  'sqrt',
  'tan',
  'trunc',
];

/** Lists, arrays, JSON building and NULL handling. */
const VALUES = [
  'array_length',
  'array_position',
  'array_remove',
  'array_to_string',
  'cardinality',
  'ifnull',
  'list_contains',
  'list_distinct',
  'list_value',
  'nullif',
  'string_to_array',
  'to_json',
  'to_jsonb',
  'unnest',
];

/** Operators DuckDB's parser turns into function calls (PostgreSQL keeps them as operators). */
const OPERATORS = ['+', '-', '*', '/', '%', '//', '||', '&', '|', '<<', '>>', '~~', '!~~', '~~*', '!~~*', '^'];

/** Every function a model's SQL may call, lower-case. */
export const ALLOWED_FUNCTIONS: ReadonlySet<string> = new Set([
  ...AGGREGATES,
  ...TEXT,
  ...DATES,
  ...MATH,
  ...VALUES,
  ...OPERATORS,
]);

/**
 * Functions allowed in FROM: they only make rows from their arguments (C04 walks a lease's
 * years with generate_series; DuckDB's `range` is the same thing). Every other table
 * function (read_text, read_csv, glob, duckdb_tables, query…) is refused.
 */
export const ALLOWED_TABLE_FUNCTIONS: ReadonlySet<string> = new Set(['generate_series', 'range', 'unnest']);

/**
 * Types a value may be cast to, by the names each parser gives them. Casts to catalog
 * types (regclass, regproc…) look objects up by name, so they are refused with the rest.
 */
export const ALLOWED_TYPES: ReadonlySet<string> = new Set([
  // PostgreSQL's internal names (its parser writes INTEGER as pg_catalog.int4, and so on).
  'bool',
  'date',
  'float4',
  'float8',
  'int2',
  'int4',
  'int8',
  'interval',
  'json',
  'jsonb',
  'numeric',
  'text',
  'timestamp',
  'timestamptz',
  'varchar',
  'bpchar',
  // Both parsers' spelled-out names; DuckDB's type ids are upper case.
  'bigint',
  'boolean',
  'decimal',
  'double',
  'float',
  'hugeint',
  'integer',
  'smallint',
  'tinyint',
  'timestamp with time zone',
  'timestamp_tz',
  'list',
]);
