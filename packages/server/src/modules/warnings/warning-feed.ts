import { EventEmitter } from 'node:events';
import type { WarningSeverity } from '../../db/schema.js';

/** What the real-time feed says about a new warning. */
export interface WarningNotice {
  id: number;
  modelId: string;
  severity: WarningSeverity;
  divisionCode: string | null;
  explanationZh: string;
  explanationEn: string;
  firstSeenAt: Date;
}

/**
 * In-process publish/subscribe of new warnings, for the Server-Sent Events stream. Runs
 * publish after their transaction commits, so a listener never hears of a warning that
 * was rolled back.
 */
export class WarningFeed {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open console tab; the default cap of 10 would warn on a busy server.
    this.emitter.setMaxListeners(0);
  }

  publish(notices: readonly WarningNotice[]): void {
    for (const notice of notices) this.emitter.emit('warning', notice);
  }

  /** Listens for new warnings; returns the function that stops listening. */
  subscribe(listener: (notice: WarningNotice) => void): () => void {
    this.emitter.on('warning', listener);
    return () => this.emitter.off('warning', listener);
  }

  listenerCount(): number {
    return this.emitter.listenerCount('warning');
  }
}
