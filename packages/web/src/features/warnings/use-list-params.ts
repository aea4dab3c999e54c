import { useRef } from 'react';
import { useSearchParams } from 'react-router';
import { SEVERITIES, type Severity } from '../../api/models';
import {
  RETIRED_FILTERS,
  type RetiredFilter,
  WARNING_SORT_KEYS,
  WARNING_STATUSES,
  type WarningFilter,
  type WarningSort,
  type WarningStatusFilter,
} from '../../api/warnings';
import { oneOf } from '../../shared/url-param';

const PAGE_SIZES = [20, 50, 100, 200];
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DIVISION = /^\d{2,12}$/;
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

/** The list's state: what the URL says, each value checked, anything unknown dropped. */
export interface ListParams {
  filter: WarningFilter;
  page: number;
  pageSize: number;
  sort?: WarningSort;
  /**
   * Where the page starts, when it was reached by Next or Previous: the rows after (or
   * before) a position the previous answer gave. Without one the page is counted from the
   * start; page 1 never carries one.
   */
  after?: string;
  before?: string;
}

function text(value: string | null, max = 60): string | undefined {
  return value && value.length <= max ? value : undefined;
}

/** Reads the list's state from search params named as the API's query (modelId, severity, status…). */
export function readListParams(params: URLSearchParams): ListParams {
  const from = params.get('from');
  const to = params.get('to');
  const division = params.get('division');
  const sort = params.get('sort');
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  const filter: WarningFilter = {
    modelId: text(params.get('modelId')),
    severity: oneOf<Severity>(SEVERITIES, params.get('severity')),
    status: oneOf<WarningStatusFilter>([...WARNING_STATUSES, 'open'], params.get('status')),
    category: text(params.get('category')),
    division: division && DIVISION.test(division) ? division : undefined,
    retired: oneOf<RetiredFilter>(RETIRED_FILTERS, params.get('retired')),
    from: from && DAY.test(from) ? from : undefined,
    to: to && DAY.test(to) ? to : undefined,
  };
  const sortKey = sort?.replace(/^-/, '');
  const validPage = Number.isInteger(page) && page > 1;
  const cursor = (name: 'after' | 'before') => {
    const value = params.get(name);
    return validPage && value && CURSOR.test(value) ? value : undefined;
  };
  const after = cursor('after');
  const before = after === undefined ? cursor('before') : undefined;
  return {
    filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 20,
    sort: sort !== null && WARNING_SORT_KEYS.some((k) => k === sortKey) ? (sort as WarningSort) : undefined,
    ...(after ? { after } : {}),
    ...(before ? { before } : {}),
  };
}

/** Writes the list's state as search params, leaving out what is at its default (page 1, 20 rows). */
export function writeListParams({ filter, page, pageSize, sort, after, before }: ListParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, String(value));
  if (sort) params.set('sort', sort);
  if (page > 1) params.set('page', String(page));
  if (pageSize !== 20) params.set('pageSize', String(pageSize));
  if (page > 1 && after) params.set('after', after);
  else if (page > 1 && before) params.set('before', before);
  return params;
}

/**
 * The warning list's filters, sort and page, kept in the URL so that Back, a reload and a
 * shared link (the overview's figures link here) all show the same list. Each change is a
 * new history entry, so Back steps through them.
 */
export function useListParams(): [ListParams, (change: (current: ListParams) => ListParams) => void] {
  const [params, setParams] = useSearchParams();
  // The table keeps the change handler of an earlier render (a sort after a filter dropped
  // the filter), so a change reads the URL as it is now, not as that render saw it.
  const latest = useRef(params);
  latest.current = params;
  return [readListParams(params), (change) => setParams(writeListParams(change(readListParams(latest.current))))];
}
