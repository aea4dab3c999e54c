import { sql } from 'kysely';
import { z } from 'zod';
import { ValidationError } from '../../http/errors.js';
import { decodeCursorTuple, encodeCursorTuple } from '../../http/paging.js';
import type { WarningSortKey } from './warnings.schemas.js';

/** How the list is ordered: a whitelisted key (see ZWarningSort), ties broken by id in the same direction. */
export interface WarningSort {
  key: WarningSortKey;
  descending: boolean;
}

/**
 * The SQL behind each sort key. Severity and status sort by their rank (red before orange,
 * new before judged), not by the spelling of their codes; a warning without a division
 * sorts last ascending.
 */
export const SORT_COLUMNS = {
  id: sql<number>`warnings.id`,
  modelId: sql<string>`warnings.model_id`,
  severity: sql<number>`case warnings.severity when 'red' then 0 when 'orange' then 1 else 2 end`,
  status: sql<number>`case warnings.status when 'new' then 0 when 'under_review' then 1 when 'confirmed' then 2 when 'false_positive' then 3 else 4 end`,
  division: sql<string>`coalesce(warnings.division_code, '999999999999')`,
  firstSeenAt: sql<Date>`warnings.first_seen_at`,
  lastSeenAt: sql<Date>`warnings.last_seen_at`,
} satisfies Record<WarningSortKey, unknown>;

/**
 * Where a page starts in keyset paging: the sort value (as the store writes it as text,
 * so a timestamp keeps its microseconds) and id of the row next to it, and on which side.
 * `after`: the rows that follow it in the list's order; otherwise those that precede it.
 */
export interface WarningSeek {
  value: string;
  id: number;
  after: boolean;
}

/** The rows on the seek's side of its row, in the list's order (both columns compared as a pair). */
export function seekCondition(sort: WarningSort, seek: WarningSeek) {
  // Descending and after, or ascending and before: the smaller pairs.
  const smaller = sort.descending === seek.after;
  const column = SORT_COLUMNS[sort.key];
  return smaller
    ? sql<boolean>`(${column}, warnings.id) < (${seek.value}, ${seek.id})`
    : sql<boolean>`(${column}, warnings.id) > (${seek.value}, ${seek.id})`;
}

/** The sort value of each row as text, selected beside the row to make the next cursor from. */
export const sortValueOf = (sort: WarningSort) => sql<string>`cast(${SORT_COLUMNS[sort.key]} as text)`;

/*
 * A cursor is opaque to the client: base64url of [sort, value, id]. It names its sort, so
 * a cursor from a list sorted otherwise is refused rather than read as a wrong position.
 */
const ZCursor = z.tuple([z.string().max(20), z.string().max(64), z.number().int().positive().max(2_147_483_647)]);

/** What a sort value looks like as the store writes it, per key: anything else would fail the cast. */
const VALUE_SHAPES: Record<WarningSortKey, RegExp> = {
  id: /^\d{1,10}$/,
  modelId: /^[A-Za-z0-9_-]{1,64}$/,
  severity: /^[0-2]$/,
  status: /^[0-4]$/,
  division: /^\d{1,12}$/,
  firstSeenAt: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
  lastSeenAt: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
};

function valueFits(key: WarningSortKey, value: string): boolean {
  if (!VALUE_SHAPES[key].test(value)) return false;
  if (key !== 'firstSeenAt' && key !== 'lastSeenAt') return true;
  return !Number.isNaN(Date.parse(value.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')));
}

const sortName = (sort: WarningSort) => `${sort.descending ? '-' : ''}${sort.key}`;

export function encodeCursor(sort: WarningSort, value: string, id: number): string {
  return encodeCursorTuple([sortName(sort), value, id]);
}

/** The position a cursor names, or a 400 when it is not one this list (with this sort) made. */
export function decodeCursor(sort: WarningSort, cursor: string, after: boolean, field: string): WarningSeek {
  const parsed = decodeCursorTuple(cursor, ZCursor);
  if (!parsed || parsed[0] !== sortName(sort) || !valueFits(sort.key, parsed[1])) {
    throw new ValidationError(
      `${field}: 翻页位置无效或与排序不符 / not a position in this list`,
      `querystring.${field}`,
      'invalid_cursor',
    );
  }
  return { value: parsed[1], id: parsed[2], after };
}
