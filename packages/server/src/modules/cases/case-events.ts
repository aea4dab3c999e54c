import type { CaseRecord } from '@qingfeng/core';
import type { EventBus } from '../../platform/event-bus.js';
import type { Platform } from '../../platform/platform.js';

/**
 * A step of a case has committed (or a case was proposed: `action` is `propose`): the
 * record as it now stands, and the state it left, so a follower tells people only of what
 * this step changed.
 */
export interface CaseStepCommitted {
  readonly caseId: number;
  readonly divisionCode: string;
  readonly action: string;
  readonly fromState: string;
  readonly record: CaseRecord;
  readonly actorUserId: number;
  readonly at: Date;
}

/**
 * What the cases module announces to the modules above it, which subscribe when the app is
 * assembled (app/domain-events.ts): the notifications. Every announcement comes after the
 * commit, so a follower never sees a step that was rolled back.
 */
export interface CaseEvents {
  'case.step-committed': CaseStepCommitted;
}

/** What the cases module needs: the platform, and the bus its announcements go out on. */
export interface CaseServices extends Platform {
  readonly caseEvents: EventBus<CaseEvents>;
}

/**
 * Announces a committed step beside the answer: a follower that fails (a notification not
 * sent) is a process warning, never a step undone or a request refused.
 */
export function announceCaseStep(services: CaseServices, payload: CaseStepCommitted): void {
  services.background.start(`Followers of case.step-committed for case ${payload.caseId}`, () =>
    services.caseEvents.emit('case.step-committed', payload),
  );
}
