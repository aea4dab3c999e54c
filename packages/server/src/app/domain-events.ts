import { proposeCaseFromClue } from '../modules/cases/index.js';
import type { ClueServices } from '../modules/clues/index.js';
import type { DatasetServices } from '../modules/datasets/batches/batch-events.js';
import type { ModelServices } from '../modules/models/model-services.js';
import { onBatchLoaded, onBatchRolledBack } from '../modules/models/runs/model-runs.service.js';
import { retireWarningsOfBatch } from '../modules/warnings/warning-lifecycle.service.js';

/**
 * Who listens to what: the one place where a lower module's announcements reach the
 * modules above it. Read it to see what follows an import or a rollback.
 */
export function subscribeDomainEvents(services: DatasetServices & ModelServices & ClueServices): void {
  const { batchEvents, clueEvents } = services;
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
    await proposeCaseFromClue(trx, { clueId, proposedBy, by, actor, at });
  });
}
