import type { ClueRecord } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { EventBus } from '../../platform/event-bus.js';
import type { Platform } from '../../platform/platform.js';
import type { AuditActor } from '../audit/index.js';

/**
 * What the clues module announces. The cases module sits above it and subscribes when the
 * app is assembled (app/domain-events.ts): a clue reaching case filing proposes its case.
 */
export interface ClueEvents {
  /**
   * A step has been taken. Handlers run inside the step's transaction, with `trx`: what they
   * write commits with the step or not at all, and a failure refuses the step.
   */
  'clue.stepped': {
    readonly trx: Kysely<DB>;
    readonly actor: AuditActor;
    /** Who took the step, as the timeline names them. */
    readonly by: { readonly userId: number; readonly displayName: string };
    readonly clueId: number;
    readonly action: string;
    /** The record before the step (who proposed what it decided) and after it. */
    readonly before: ClueRecord;
    readonly record: ClueRecord;
    readonly at: Date;
  };
}

/** What the clues module needs: the platform and the bus it announces steps on. */
export interface ClueServices extends Platform {
  readonly clueEvents: EventBus<ClueEvents>;
}
