import { z } from 'zod';

/** Most rows one page may ask for, so that no request can pull a whole table at once. */
const MAX_PAGE_SIZE = 200;

/**
 * The `page` and `pageSize` fields of a paged list's query, to spread into its schema:
 * pages count from 1, and a list without a size gets `defaultPageSize` rows.
 */
export function pageQueryFields(defaultPageSize: number) {
  return {
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(defaultPageSize),
  };
}

/** One page of a list: its items, how many match in all, and which page of what size it is. */
export function pageOf<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
}

/** A keyset cursor: a position in a list as base64url JSON, opaque to the client. */
export function encodeCursorTuple(position: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** The position a cursor holds when it is base64url JSON of `schema`'s shape; undefined for anything else. */
export function decodeCursorTuple<T>(cursor: string, schema: z.ZodType<T>): T | undefined {
  try {
    const result = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
