import { describe, expect, it } from 'vitest';
import { readCaseParams, writeCaseParams } from './case-list-params';

describe('the case registry in the URL', () => {
  it('reads back what it wrote', () => {
    const filter = { state: 'in_trial', overdue: 'true' } as const;
    expect(readCaseParams(writeCaseParams(filter, 7))).toEqual({ filter, before: 7 });
  });

  it('drops what is not a known value', () => {
    const hostile = new URLSearchParams({ state: 'decided; DROP', overdue: '1', before: '1.5' });
    expect(readCaseParams(hostile)).toEqual({ filter: { state: undefined, overdue: undefined } });
  });
});
