import { describe, expect, it } from 'vitest';
import { readClueParams, writeClueParams } from './clue-list-params';

describe('the clue registry in the URL', () => {
  it('reads back what it wrote', () => {
    const filter = { state: 'registered', source: 'audit', problemType: 'bribery', overdue: 'true' } as const;
    expect(readClueParams(writeClueParams(filter, 42))).toEqual({ filter, before: 42 });
  });

  it('drops what is not a known value rather than sending it on', () => {
    const hostile = new URLSearchParams({
      state: "registered' OR 1=1",
      source: 'rumour',
      problemType: '<script>',
      overdue: 'yes',
      before: '-3',
    });
    expect(readClueParams(hostile)).toEqual({
      filter: { state: undefined, source: undefined, problemType: undefined, overdue: undefined },
    });
  });
});
