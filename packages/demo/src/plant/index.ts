/** Plants the cases (and decoys) of every model family, in the brief's order of priority. */
import type { DemoWorld } from '../world.js';
import { plantCollective } from './collective.js';
import { plantLivelihood } from './livelihood.js';
import { plantMedical } from './medical.js';
import { plantOfficials } from './officials.js';
import { plantProcurement } from './procurement.js';
import { plantSpending } from './spending.js';

/** Plants everything; returns the F08 geofences the cases were planted against. */
export function plantAll(world: DemoWorld): Array<{ name: string; lat: number; lon: number; radiusM: number }> {
  plantLivelihood(world);
  plantOfficials(world);
  plantProcurement(world);
  const geofences = plantSpending(world);
  plantMedical(world);
  plantCollective(world);
  return geofences;
}
