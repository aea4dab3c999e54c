/**
 * What a deployment of the demo county configures before its models can see everything
 * planted: the places a car must not go (F08) and the working calendar (F01, F07). Set
 * through the versioned parameter edit, as an administrator would in the console.
 */
import { addDays, type DemoManifest } from '@qingfeng/demo';
import type { AppServices } from '../app/app-services.js';
import { systemActor } from '../modules/audit/audit.service.js';
import { updateModelParameters } from '../modules/models/registry/models.service.js';

/** The parameter values per model that the demo county's deployment sets. */
export function demoModelParameters(
  manifest: Pick<DemoManifest, 'geofences' | 'calendar' | 'period'>,
): Record<string, Record<string, unknown>> {
  const calendar = { holidays: manifest.calendar.holidays, workdays: manifest.calendar.workdays };
  // The demo's data stops at the end of its window: "today" for the models that count years
  // or idle days up to now is the day after it, or every lease would lack 2025's rent.
  const asOf = { as_of: addDays(manifest.period.to, 1) };
  return {
    C04: asOf,
    C06: asOf,
    F01: calendar,
    F07: calendar,
    F08: {
      geofences: manifest.geofences.map((g) => ({ name: g.name, lat: g.lat, lon: g.lon, radiusKm: g.radiusM / 1000 })),
    },
  };
}

/** Applies `demoModelParameters` as new model versions (audited as `demo`). */
export async function configureDemoModels(
  services: AppServices,
  manifest: Pick<DemoManifest, 'geofences' | 'calendar' | 'period'>,
): Promise<void> {
  const editor = { actor: systemActor('demo'), userId: null, username: 'demo', jurisdictionPrefix: '' };
  for (const [modelId, params] of Object.entries(demoModelParameters(manifest))) {
    await updateModelParameters(
      services,
      editor,
      modelId,
      params,
      '演示县的部署配置（电子围栏、工作日历） / demo county deployment settings (geofences, working calendar, as-of date)',
    );
  }
}
