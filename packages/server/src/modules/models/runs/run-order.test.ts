import { describe, expect, it } from 'vitest';
import { forEachInRunOrder } from './run-order.js';

type Entry = { id: string; mode: 'full' | 'incremental' };

/** Evaluates entries with a few ms of simulated work; records start order and the most at once, per mode. */
function tracker() {
  const started: string[] = [];
  const widest = { full: 0, incremental: 0 };
  const running = { full: 0, incremental: 0 };
  const evaluate = async (entry: Entry) => {
    started.push(entry.id);
    running[entry.mode] += 1;
    widest[entry.mode] = Math.max(widest[entry.mode], running[entry.mode] + running[other(entry.mode)]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    running[entry.mode] -= 1;
  };
  return { started, widest, evaluate };
}

function other(mode: Entry['mode']): Entry['mode'] {
  return mode === 'full' ? 'incremental' : 'full';
}

const entries: Entry[] = [
  { id: 'F1', mode: 'full' },
  { id: 'I1', mode: 'incremental' },
  { id: 'I2', mode: 'incremental' },
  { id: 'F2', mode: 'full' },
  { id: 'I3', mode: 'incremental' },
];

describe('forEachInRunOrder', () => {
  it('runs the incremental entries side by side, then the full ones alone', async () => {
    const t = tracker();
    await forEachInRunOrder(entries, t.evaluate, undefined, 2);
    expect(t.started).toEqual(['I1', 'I2', 'I3', 'F1', 'F2']);
    expect(t.widest).toEqual({ incremental: 2, full: 1 });
  });

  it('runs everything one at a time with width 1', async () => {
    const t = tracker();
    await forEachInRunOrder(entries, t.evaluate, undefined, 1);
    expect(t.widest).toEqual({ incremental: 1, full: 1 });
  });

  it('starts nothing more once stopped, and lets the started ones finish', async () => {
    const t = tracker();
    const finished: string[] = [];
    await forEachInRunOrder(
      entries,
      async (entry) => {
        await t.evaluate(entry);
        finished.push(entry.id);
      },
      () => finished.length >= 1,
      2,
    );
    expect(t.started).toEqual(['I1', 'I2']);
    expect(finished.sort()).toEqual(['I1', 'I2']);
  });
});
