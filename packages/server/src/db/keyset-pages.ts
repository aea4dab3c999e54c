/**
 * Yields every row a query matches, highest id first, fetching one page at a time, so
 * that an export of any size holds one page in memory. Paging by id rather than by offset
 * keeps each page an index range scan, and rows inserted meanwhile neither repeat a row
 * nor shift a page.
 *
 * `fetchPage(beforeId, limit)` returns up to `limit` rows ordered by id descending, only
 * those with an id below `beforeId` when it is given (it is not, for the first page).
 */
export async function* keysetPagesDesc<Row extends { id: number }>(
  pageSize: number,
  fetchPage: (beforeId: number | undefined, limit: number) => Promise<Row[]>,
): AsyncGenerator<Row> {
  let beforeId: number | undefined;
  for (;;) {
    const rows = await fetchPage(beforeId, pageSize);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    beforeId = last.id;
  }
}
