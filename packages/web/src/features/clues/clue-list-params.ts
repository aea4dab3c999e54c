import {
  CLUE_SOURCES,
  CLUE_STATES,
  FIRST_FORM_OUTCOMES,
  type ClueSource,
  type ClueState,
  type FirstFormOutcome,
} from '@qingfeng/core';
import type { ClueFilter, OverduePosition } from '../../api/clues';
import { oneOf, readBefore, writeListParams } from '../../shared/url-param';

const matching = (pattern: RegExp, value: string | null) => (value !== null && pattern.test(value) ? value : undefined);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The registry's state from the URL: each value checked, anything unknown dropped. */
export function readClueParams(params: URLSearchParams): { filter: ClueFilter; before?: number } {
  const filter: ClueFilter = {
    state: oneOf<ClueState>(CLUE_STATES, params.get('state')),
    source: oneOf<ClueSource>(CLUE_SOURCES, params.get('source')),
    problemType: matching(/^[a-z_]{1,40}$/, params.get('problemType')),
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
  };
  // The filters the statistics link to, kept only when present so a plain registry reads as before.
  const linked: ClueFilter = {
    division: matching(/^(\d{6}|\d{9}|\d{12})$/, params.get('division')),
    office: matching(/^[1-9]\d{0,9}$/, params.get('office')),
    from: matching(DAY, params.get('from')),
    to: matching(DAY, params.get('to')),
    enteredFrom: matching(DAY, params.get('enteredFrom')),
    enteredTo: matching(DAY, params.get('enteredTo')),
    firstForm: oneOf<FirstFormOutcome>(FIRST_FORM_OUTCOMES, params.get('firstForm')),
    running: params.get('running') === 'true' ? 'true' : undefined,
  };
  const present = Object.fromEntries(Object.entries(linked).filter(([, value]) => value !== undefined)) as ClueFilter;
  return { filter: { ...filter, ...present }, ...readBefore(params) };
}

/** The URL's search params for a registry state (empty values left out). */
export const writeClueParams = (filter: ClueFilter, before?: number) => writeListParams(filter, before);

/** What a position the server gave looks like; anything else in a hand-edited link is dropped. */
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

/** The overdue list's position from the URL: `after` or `before` a cursor, or the start. */
export function readOverduePosition(params: URLSearchParams): OverduePosition {
  const after = params.get('after');
  if (after !== null && CURSOR.test(after)) return { after };
  const before = params.get('before');
  return before !== null && CURSOR.test(before) ? { before } : {};
}
