import { describe, expect, it } from 'vitest';
import { longestFirst, type RunDurations, type RunEntry } from './run-plan.js';

const entry = (modelId: string, mode: RunEntry['mode'] = 'incremental'): RunEntry => ({
  modelId,
  version: 1,
  params: {},
  mode,
});
const ids = (entries: readonly RunEntry[]) => entries.map((e) => `${e.modelId}:${e.mode}`);
const run = (models: RunEntry[], durations: Record<string, number>): RunDurations => ({ models, durations });

describe('longestFirst', () => {
  const plan = [entry('A'), entry('F', 'full'), entry('B'), entry('C'), entry('G', 'full')];

  it('starts the incremental entries that took longest first, and leaves the full ones in order after them', () => {
    const history = [run([entry('A'), entry('B'), entry('C')], { A: 5, B: 40, C: 12 })];
    expect(ids(longestFirst(plan, history))).toEqual([
      'B:incremental',
      'C:incremental',
      'A:incremental',
      'F:full',
      'G:full',
    ]);
  });

  it('puts entries never timed first, in plan order, since they may be the longest', () => {
    const history = [run([entry('B')], { B: 40 })];
    expect(ids(longestFirst(plan, history)).slice(0, 3)).toEqual(['A:incremental', 'C:incremental', 'B:incremental']);
  });

  it('takes the newest timing of a model, and only one in the same mode', () => {
    const history = [
      // Newest first: B was fast last time; A's only newer timing was a full run.
      run([entry('B'), entry('A', 'full')], { B: 1, A: 900 }),
      run([entry('A'), entry('B'), entry('C')], { A: 30, B: 40, C: 20 }),
    ];
    expect(ids(longestFirst(plan, history)).slice(0, 3)).toEqual(['A:incremental', 'C:incremental', 'B:incremental']);
  });

  it('skips a model that did not finish (no timing) and keeps looking in older runs', () => {
    const history = [
      run([entry('A'), entry('B'), entry('C')], { B: 3 }),
      run([entry('A'), entry('C')], { A: 1, C: 2 }),
    ];
    expect(ids(longestFirst(plan, history)).slice(0, 3)).toEqual(['B:incremental', 'C:incremental', 'A:incremental']);
  });

  it('keeps the plan order when nothing was timed', () => {
    expect(ids(longestFirst(plan, []))).toEqual([
      'A:incremental',
      'B:incremental',
      'C:incremental',
      'F:full',
      'G:full',
    ]);
  });
});
