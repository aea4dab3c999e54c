import { EventEmitter } from 'node:events';
import type { NotificationRow } from '../../db/schema.js';

/**
 * In-process publish/subscribe of stored notifications, for each user's Server-Sent Events
 * stream. Published after the rows commit, so a listener never hears of one that was
 * rolled back; a user who was offline finds it in their list instead.
 */
export class NotificationFeed {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open console tab; the default cap of 10 would warn on a busy server.
    this.emitter.setMaxListeners(0);
  }

  publish(rows: readonly NotificationRow[]): void {
    for (const row of rows) this.emitter.emit(`user:${row.recipient_user_id}`, row);
  }

  /** Listens for `userId`'s new notifications; returns the function that stops listening. */
  subscribe(userId: number, listener: (row: NotificationRow) => void): () => void {
    const name = `user:${userId}`;
    this.emitter.on(name, listener);
    return () => this.emitter.off(name, listener);
  }
}
