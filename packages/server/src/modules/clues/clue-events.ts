import type { ClueRecord } from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { EventBus } from '../../platform/event-bus.js';
import type { Platform } from '../../platform/platform.js';
import type { AuditActor } from '../audit/index.js';

/** A clue was given to a person and their office: they have new work. `at` is an ISO 8601 instant. */
export interface ClueAssigned {
  readonly clueId: number;
  readonly divisionCode: string;
  readonly responsibleUserId: number;
  readonly responsibleOrgId: number;
  readonly at: string;
}

/** A step was taken and has committed: the record as it now stands. */
export interface ClueStepCommitted {
  readonly clueId: number;
  readonly divisionCode: string;
  readonly action: string;
  readonly record: ClueRecord;
  readonly actorUserId: number;
  readonly at: Date;
}

/**
 * What the clues module announces to the modules above it, which subscribe when the app is
 * assembled (app/domain-events.ts): the cases (a clue reaching case filing proposes its
 * case) and the notifications.
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
  /** After the commit: who is responsible now. */
  'clue.assigned': ClueAssigned;
  /** After the commit: the step taken, for those who tell people about it. */
  'clue.step-committed': ClueStepCommitted;
}

/** What the clues module needs: the platform, and the bus its announcements go out on. */
export interface ClueServices extends Platform {
  readonly clueEvents: EventBus<ClueEvents>;
}

/**
 * Announces a committed change beside the answer: a follower that fails (a notification
 * not sent) is a process warning, never a step undone or a request refused.
 */
export function announceClueEvent<Name extends 'clue.assigned' | 'clue.step-committed'>(
  services: ClueServices,
  name: Name,
  payload: ClueEvents[Name],
): void {
  services.background.start(`Followers of ${name} for clue ${payload.clueId}`, () =>
    services.clueEvents.emit(name, payload),
  );
}
