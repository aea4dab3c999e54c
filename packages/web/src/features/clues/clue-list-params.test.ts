import { describe, expect, it } from 'vitest';
import { readClueParams, readOverduePosition, writeClueParams } from './clue-list-params';

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

describe('the filters the statistics link to', () => {
  it('reads back a figure’s filters and drops malformed ones', () => {
    const filter = {
      state: 'closed',
      division: '330106001',
      office: '12',
      from: '2026-01-01',
      to: '2026-03-31',
      enteredFrom: '2026-02-01',
      enteredTo: '2026-02-28',
      firstForm: 'criticism',
      running: 'true',
    } as const;
    const read = readClueParams(writeClueParams(filter)).filter;
    expect(read).toMatchObject(filter);
    const hostile = new URLSearchParams({
      division: '33%',
      office: '0',
      from: '2026-1-1',
      firstForm: 'x',
      running: '1',
    });
    expect(Object.keys(readClueParams(hostile).filter)).toEqual(['state', 'source', 'problemType', 'overdue']);
  });
});

describe('the overdue list’s position in the URL', () => {
  it('reads after, else before, else the start', () => {
    expect(readOverduePosition(new URLSearchParams({ after: 'WyJvdmVyZHVlIl0', before: 'eA' }))).toEqual({
      after: 'WyJvdmVyZHVlIl0',
    });
    expect(readOverduePosition(new URLSearchParams({ before: 'eA' }))).toEqual({ before: 'eA' });
    expect(readOverduePosition(new URLSearchParams())).toEqual({});
  });

  it('drops a position no server would write', () => {
    for (const hostile of ['a/b', "x' OR 1=1", 'x'.repeat(201), '']) {
      expect(readOverduePosition(new URLSearchParams({ after: hostile, before: hostile }))).toEqual({});
    }
  });
});
