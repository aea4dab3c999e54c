import type { ModelServices } from '../model-services.js';
import type { ModelRunRow } from '../../../db/schema.js';
import { systemActor } from '../../audit/index.js';
import { startRun } from './model-runs.service.js';
import { ensureModelRegistry } from '../registry/model-registry.js';
import { ModelsRepository } from '../registry/models.repository.js';
import { isDue, parseSchedule } from './schedule.js';

/**
 * Starts one scheduled run of every enabled model whose schedule has fired since it was
 * set or last fired (by the platform clock, so tests move time by hand). A schedule that
 * fired several times while the server was down fires once. Returns the run, or null.
 */
export async function runDueSchedules(services: ModelServices): Promise<ModelRunRow | null> {
  await ensureModelRegistry(services);
  const now = services.clock.now();
  const repository = new ModelsRepository(services.database.db);
  const due: string[] = [];
  for (const model of await repository.findScheduledModels()) {
    let schedule;
    try {
      schedule = parseSchedule(model.schedule as string);
    } catch {
      continue; // Checked when set; a hand-edited bad value must not stop the others.
    }
    if (isDue(schedule, model.schedule_anchor_at ?? model.updated_at, now)) due.push(model.id);
  }
  if (due.length === 0) return null;
  for (const id of due) await repository.updateModel(id, { schedule_anchor_at: now });
  return startRun(
    services,
    { actor: systemActor('scheduler'), userId: null, username: 'scheduler' },
    { kind: 'scheduled', modelIds: due },
  );
}

/**
 * Checks schedules every `intervalMs` until the returned function is called. The timer
 * does not keep the process alive, and a failed check is logged to `onError`, not thrown.
 */
export function startModelScheduler(
  services: ModelServices,
  options: { intervalMs?: number; onError?: (error: unknown) => void } = {},
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    runDueSchedules(services)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = false;
      });
  }, options.intervalMs ?? 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
