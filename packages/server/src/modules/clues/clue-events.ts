import type { EventBus } from '../../platform/event-bus.js';
import type { Platform } from '../../platform/platform.js';

/**
 * What the clues module announces, after the change has committed. Modules above it (the
 * notifications) subscribe when the app is assembled (app/domain-events.ts).
 */
export interface ClueEvents {
  /** A clue was given to a person and their office: they have new work. `at` is an ISO 8601 instant. */
  'clue.assigned': {
    readonly clueId: number;
    readonly divisionCode: string;
    readonly responsibleUserId: number;
    readonly responsibleOrgId: number;
    readonly at: string;
  };
}

/** What the clues module needs: the platform and the bus it announces on. */
export interface ClueServices extends Platform {
  readonly clueEvents: EventBus<ClueEvents>;
}
