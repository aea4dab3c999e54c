import { CLUE_MACHINE, type ClueAction } from '@qingfeng/core';
import { type CaseServices, announceCaseOfClue, proposeCaseFromClue } from '../modules/cases/index.js';
import type { ClueServices } from '../modules/clues/index.js';
import type { DatasetServices } from '../modules/datasets/batches/batch-events.js';
import type { ModelServices } from '../modules/models/model-services.js';
import {
  type NotificationServices,
  followNewWarnings,
  notifyCaseStepped,
  notifyClueAssigned,
  notifyClueStepped,
} from '../modules/notifications/index.js';
import { onBatchLoaded, onBatchRolledBack } from '../modules/models/runs/model-runs.service.js';
import { retireWarningsOfBatch } from '../modules/warnings/warning-lifecycle.service.js';

/**
 * Who listens to what: the one place where a lower module's announcements reach the
 * modules above it. Read it to see what follows an import, a rollback, a new warning or a
 * clue's step.
 */
export function subscribeDomainEvents(
  services: DatasetServices & ModelServices & ClueServices & CaseServices & NotificationServices,
): void {
  const { batchEvents, clueEvents, caseEvents } = services;
  // A new batch: the enabled models that read its dataset look at its rows.
  batchEvents.on('batch.loaded', async ({ batch, runModels }) => {
    if (runModels) await onBatchLoaded(services, batch);
  });
  // Inside the rollback's transaction: warnings resting on the batch's rows retire with it.
  batchEvents.on('batch.rolling-back', async ({ trx, actor, batch, at }) => {
    await retireWarningsOfBatch(trx, actor, batch, at);
  });
  // Rows were removed, which only a full run sees: the models that read them run again.
  batchEvents.on('batch.rolled-back', async ({ batch }) => {
    if (services.config.autoRunModels) await onBatchRolledBack(services, batch);
  });
  // Inside the clue step's transaction: a verification report approved for filing proposes its case.
  clueEvents.on('clue.stepped', async ({ trx, actor, by, clueId, before, record, at }) => {
    if (record.state !== 'case_filing' || before.state === 'case_filing') return;
    const proposedBy = before.proposedBy === null ? by.userId : Number(before.proposedBy);
    await proposeCaseFromClue(trx, { clueId, proposedBy, recusedIds: record.recusedIds, by, actor, at });
  });
  // A new red warning: the users of its jurisdiction who read warnings are notified.
  services.warningFeed.subscribe(followNewWarnings(services));
  // After the commit: a clue passed to someone tells them; a step leaving it awaiting approval, the leaders who may give it.
  clueEvents.on('clue.assigned', (event) => notifyClueAssigned(services, event));
  clueEvents.on('clue.step-committed', (event) => notifyClueStepped(services, event));
  // After the commit: the case a clue's step proposed is announced as the case's own first step.
  clueEvents.on('clue.step-committed', async ({ clueId, action, record, at }) => {
    // Arrived at case filing by this step (not a later step taken in that state).
    const from: readonly string[] = CLUE_MACHINE.rules[action as ClueAction]?.from ?? [];
    if (record.state === 'case_filing' && !from.includes('case_filing')) {
      await announceCaseOfClue(services, clueId, at);
    }
  });
  // After the commit: a case step tells whom it assigned, and the leaders who may give an approval it awaits.
  caseEvents.on('case.step-committed', (event) => notifyCaseStepped(services, event));
}
