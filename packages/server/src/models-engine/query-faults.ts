// Which engine errors are the query's own fault: a column or function that does not exist,
// a type the engine cannot convert, a value out of range, a scalar subquery with several
// rows. A preview answers those as bad input (400) naming the document; anything else
// (the lake down, out of memory) stays a server error.

/** PostgreSQL SQLSTATE classes of a query's own fault: 21 cardinality, 22 data, 42 syntax or access rule, 0A unsupported. */
const POSTGRES_CLASSES = new Set(['21', '22', '42', '0A']);

/** The kinds DuckDB names at the start of such an error's message. */
const DUCKDB_KINDS = /^(Binder|Parser|Catalog|Conversion|Invalid Input|Out of Range|Not implemented) Error:/;

/** Whether an error the lake engine raised for a query was caused by the query itself. */
export function isQueryFault(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return POSTGRES_CLASSES.has(code.slice(0, 2));
  return DUCKDB_KINDS.test(error.message);
}
