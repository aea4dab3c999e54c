import { CASE_STATES, type CaseState } from '@qingfeng/core';
import type { CaseFilter } from '../../api/cases';
import { oneOf, readBefore, writeListParams } from '../../shared/url-param';

/** The case registry's state from the URL: each value checked, anything unknown dropped. */
export function readCaseParams(params: URLSearchParams): { filter: CaseFilter; before?: number } {
  return {
    filter: {
      state: oneOf<CaseState>(CASE_STATES, params.get('state')),
      overdue: params.get('overdue') === 'true' ? 'true' : undefined,
    },
    ...readBefore(params),
  };
}

/** The URL's search params for a registry state. */
export const writeCaseParams = (filter: CaseFilter, before?: number) => writeListParams(filter, before);
