import type { ClueRecord } from '@qingfeng/core';
import type { EventBus } from '../../platform/event-bus.js';
import type { Platform } from '../../platform/platform.js';

/** A clue has a new person (or office) responsible for it. */
export interface ClueAssigned {
  clueId: number;
  divisionCode: string;
  responsibleUserId: number | null;
  responsibleOrgId: number | null;
  at: Date;
}

/** A step of the procedure was taken and committed: the record as it now stands. */
export interface ClueStepped {
  clueId: number;
  divisionCode: string;
  action: string;
  record: ClueRecord;
  actorUserId: number;
  at: Date;
}

/** What the clues module announces to the modules above it (the notifications follow them). */
export interface ClueEvents {
  'clue.assigned': ClueAssigned;
  'clue.stepped': ClueStepped;
}

/** What the clues module needs: the platform, and the bus its announcements go out on. */
export interface ClueServices extends Platform {
  readonly clueEvents: EventBus<ClueEvents>;
}

/**
 * Announces after the commit, beside the answer: a follower that fails (a notification
 * not sent) is a process warning, never a step undone or a request refused.
 */
export function announceClueEvent<Name extends keyof ClueEvents>(
  services: ClueServices,
  name: Name,
  payload: ClueEvents[Name],
): void {
  services.background.start(`Followers of ${name} for clue ${payload.clueId}`, () =>
    services.clueEvents.emit(name, payload),
  );
}
