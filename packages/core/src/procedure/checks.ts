import type { LocalisedText } from '../standard/result.js';
import { FIRST_FORM_OUTCOMES } from './dispositions.js';

/* Small checks the machines' rules share. Payloads come from outside: nothing is trusted. */

/** A non-blank string of at most `max` characters. */
export const text = (value: unknown, max: number): value is string =>
  typeof value === 'string' && value.trim().length > 0 && value.length <= max;

export const oneOf = <T extends string | number>(list: readonly T[], value: unknown): value is T =>
  list.includes(value as T);

export const bad = (zh: string, en: string): LocalisedText => ({ zh, en });

/** Approvals belong to the commission's leaders. */
export const LEADER = ['leader'] as const;

/** A first-form outcome is given only where `allowed`, and must be one of the four. */
export const firstFormCheck = (firstForm: unknown, allowed: boolean): LocalisedText | null =>
  firstForm === undefined
    ? null
    : !allowed
      ? bad('只有了结时才能选择第一种形态处理', 'A first-form outcome goes only with closing')
      : oneOf(FIRST_FORM_OUTCOMES, firstForm)
        ? null
        : bad('第一种形态处理方式无效', 'Not a first-form outcome');
