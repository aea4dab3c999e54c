import { z } from 'zod';
import { ValidationError } from '../../http/errors.js';
import { decodeCursorTuple, encodeCursorTuple } from '../../http/paging.js';

/**
 * Where a page of the overdue list starts: the due date and id of the clue next to it, and
 * on which side (`after`: the clues that follow it, the earliest deadline first; otherwise those
 * before it). The list's order is (deadline_due, id), so a pair is one place in it.
 */
export interface OverdueSeek {
  dueOn: string;
  id: number;
  after: boolean;
}

/*
 * A cursor is opaque to the client: base64url of ["overdue", due date, id]. It names its
 * list, so the registry's or the warnings' cursors are refused rather than misread.
 */
const LIST = 'overdue';
const ZCursor = z.tuple([z.literal(LIST), z.iso.date(), z.number().int().positive().max(2_147_483_647)]);

export function encodeOverdueCursor(dueOn: string, id: number): string {
  return encodeCursorTuple([LIST, dueOn, id]);
}

/** The position a cursor names, or a 400 naming `field` when this list did not make it. */
export function decodeOverdueCursor(cursor: string, after: boolean, field: 'after' | 'before'): OverdueSeek {
  const parsed = decodeCursorTuple(cursor, ZCursor);
  if (!parsed) {
    throw new ValidationError(
      `${field}: 翻页位置无效 / not a position in the overdue list`,
      `querystring.${field}`,
      'invalid_cursor',
    );
  }
  return { dueOn: parsed[1], id: parsed[2], after };
}
