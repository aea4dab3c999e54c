import { describe, expect, it, vi } from 'vitest';
import { BackgroundTasks } from './background-tasks.js';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('BackgroundTasks', () => {
  it('waits for running work, and for work that work starts', async () => {
    const tasks = new BackgroundTasks();
    const done: string[] = [];
    tasks.start('first', async () => {
      await later(10);
      done.push('first');
      tasks.start('second', async () => {
        await later(10);
        done.push('second');
      });
    });
    expect(done).toEqual([]);
    await tasks.idle();
    expect(done).toEqual(['first', 'second']);
  });

  it('turns a failure into a process warning naming the work', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const tasks = new BackgroundTasks();
      tasks.start('Batch 7 quality', async () => {
        throw new Error('lake closed');
      });
      await tasks.idle();
      expect(warn).toHaveBeenCalledWith('Batch 7 quality: Error: lake closed');
    } finally {
      warn.mockRestore();
    }
  });
});
