import { z } from 'zod';
import { ValidationError } from './errors.js';
import { decodeCursorTuple, encodeCursorTuple } from './paging.js';

/*
 * The overdue lists (clues, cases) a page at a time by keyset. Each is ordered by
 * (deadline due date, id), the earliest deadline first, so a pair is one place in it.
 */

/**
 * Where a page of an overdue list starts: the due date and id of the row next to it, and on
 * which side (`after`: the rows that follow it; otherwise those before it).
 */
export interface OverdueSeek {
  dueOn: string;
  id: number;
  after: boolean;
}

/** An opaque position in an overdue list (a previous answer's nextCursor or prevCursor). */
const ZOverdueCursor = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/);

/** A page of an overdue list: the rows `after` a position or `before` it, else from the start. */
export const ZOverdueQuery = z
  .object({
    after: ZOverdueCursor.optional(),
    before: ZOverdueCursor.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => q.after === undefined || q.before === undefined, {
    message: 'after 与 before 只能给一个 / give after or before, not both',
    path: ['before'],
  });
export type TOverdueQuery = z.infer<typeof ZOverdueQuery>;

/** The two positions beside a page's items, null at either end of the list. */
export const overduePageFields = { nextCursor: z.string().nullable(), prevCursor: z.string().nullable() };

const ZId = z.number().int().positive().max(2_147_483_647);

/**
 * One overdue list's cursors. A cursor is base64url of [list, due date, id]: it names its
 * list, so another list's cursor (the clues' given to the cases', the registry's, the
 * warnings') is refused rather than misread as a place in this one.
 */
export class OverdueCursors {
  private readonly shape;

  constructor(private readonly list: string) {
    this.shape = z.tuple([z.literal(list), z.iso.date(), ZId]);
  }

  encode(dueOn: string, id: number): string {
    return encodeCursorTuple([this.list, dueOn, id]);
  }

  /** Where the query asks to start; a cursor this list did not make is a 400, before anything is read. */
  seekOf(query: TOverdueQuery): OverdueSeek | undefined {
    if (query.after !== undefined) return this.decode(query.after, true, 'after');
    if (query.before !== undefined) return this.decode(query.before, false, 'before');
    return undefined;
  }

  /**
   * The page out of `read`, the rows the store answered when asked for `limit + 1` from the
   * seek (in list order): one row more than the page tells whether another page follows it
   * (or, reading back, precedes it). Each row carries its due date as text for the cursors.
   */
  pageOf<Row extends { id: number; due_on: string }>(read: Row[], limit: number, seek: OverdueSeek | undefined) {
    const more = read.length > limit;
    const back = seek?.after === false;
    const rows = more ? (back ? read.slice(1) : read.slice(0, limit)) : read;
    const hasNext = back || more;
    const hasPrev = back ? more : seek !== undefined;
    const first = rows[0];
    const last = rows.at(-1);
    return {
      rows,
      nextCursor: hasNext && last ? this.encode(last.due_on, last.id) : null,
      prevCursor: hasPrev && first ? this.encode(first.due_on, first.id) : null,
    };
  }

  private decode(cursor: string, after: boolean, field: 'after' | 'before'): OverdueSeek {
    const parsed = decodeCursorTuple(cursor, this.shape);
    if (!parsed) {
      throw new ValidationError(
        `${field}: 翻页位置无效 / not a position in the overdue list`,
        `querystring.${field}`,
        'invalid_cursor',
      );
    }
    return { dueOn: parsed[1], id: parsed[2], after };
  }
}
