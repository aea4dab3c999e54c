import { describe, expect, it } from 'vitest';
import { EventBus } from './event-bus.js';

interface Events {
  loaded: { id: number };
  removed: string;
}

describe('EventBus', () => {
  it('awaits every handler of an event in the order they subscribed, and only those', async () => {
    const bus = new EventBus<Events>();
    const heard: string[] = [];
    bus.on('loaded', async ({ id }) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      heard.push(`first ${id}`);
    });
    bus.on('loaded', async ({ id }) => {
      heard.push(`second ${id}`);
    });
    bus.on('removed', async (what) => {
      heard.push(`removed ${what}`);
    });
    await bus.emit('loaded', { id: 7 });
    expect(heard).toEqual(['first 7', 'second 7']);
  });

  it('passes a handler failure to the announcer and skips the handlers after it', async () => {
    const bus = new EventBus<Events>();
    const heard: string[] = [];
    bus.on('removed', async () => {
      throw new Error('handler failed');
    });
    bus.on('removed', async (what) => {
      heard.push(what);
    });
    await expect(bus.emit('removed', 'x')).rejects.toThrow('handler failed');
    expect(heard).toEqual([]);
  });

  it('announces to nobody without complaint', async () => {
    await expect(new EventBus<Events>().emit('loaded', { id: 1 })).resolves.toBeUndefined();
  });
});
