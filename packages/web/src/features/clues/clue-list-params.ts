import { CLUE_SOURCES, CLUE_STATES, type ClueSource, type ClueState } from '@qingfeng/core';
import type { ClueFilter } from '../../api/clues';
import { oneOf, readBefore, writeListParams } from '../../shared/url-param';

/** The registry's state from the URL: each value checked, anything unknown dropped. */
export function readClueParams(params: URLSearchParams): { filter: ClueFilter; before?: number } {
  const problemType = params.get('problemType');
  return {
    filter: {
      state: oneOf<ClueState>(CLUE_STATES, params.get('state')),
      source: oneOf<ClueSource>(CLUE_SOURCES, params.get('source')),
      problemType: problemType && /^[a-z_]{1,40}$/.test(problemType) ? problemType : undefined,
      overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    },
    ...readBefore(params),
  };
}

/** The URL's search params for a registry state (empty values left out). */
export const writeClueParams = (filter: ClueFilter, before?: number) => writeListParams(filter, before);
