import path from 'node:path';
import { generateDemoRegion } from '@qingfeng/demo';
import type { AppServices } from '../app/app-services.js';
import { systemActor } from '../modules/audit/audit.service.js';
import { startRun } from '../modules/models/runs/model-runs.service.js';
import type { InitialLogin } from '../app/first-administrators.js';
import { receiveDemoClue } from './demo-clue.js';
import { createDemoStaff } from './demo-users.js';
import { configureDemoModels } from './ground-truth-setup.js';
import { type DemoLoadReport, loadDemoRegion } from './load-demo.js';

export interface DemoSetup {
  outDir: string;
  report: DemoLoadReport;
  staff: InitialLogin[];
  /** The full run of every enabled model over the demo data, queued in the background. */
  modelRunId: number;
}

/**
 * Generates the demo county into `<dataDir>/demo` (or `outDir`), loads it through the
 * import path users use, and creates the demo staff. `onProgress` hears each step.
 */
export async function setUpDemo(
  services: AppServices,
  options: { seed: number; scale: number; outDir?: string; onProgress?: (message: string) => void },
): Promise<DemoSetup> {
  const outDir = options.outDir ?? path.join(services.config.dataDir, 'demo');
  const progress = options.onProgress ?? (() => {});
  progress(`Generating the demo county (seed ${options.seed}, scale ${options.scale}) into ${outDir}`);
  const manifest = await generateDemoRegion({ seed: options.seed, scale: options.scale, outDir });
  progress(`Importing ${manifest.files.length} department files`);
  const report = await loadDemoRegion(services, manifest, outDir);
  const staff = await createDemoStaff(services);
  await receiveDemoClue(services);
  progress('Configuring the geofences and working calendar the models need');
  await configureDemoModels(services, manifest);
  // One full run at the end rather than an incremental run per file.
  progress('Queuing a full run of every enabled comparison model');
  const run = await startRun(
    services,
    { actor: systemActor('demo'), userId: null, username: 'demo' },
    { kind: 'full', all: true },
  );
  return { outDir, report, staff, modelRunId: run.id };
}
