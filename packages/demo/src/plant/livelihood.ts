/**
 * Planted cases for the livelihood-fund models W01–W14. Each case gets its own household
 * (see newHousehold) so the only rule it breaks is the one it was planted for.
 */
import type { DemoWorld } from '../world.js';
import { plantW01 } from './livelihood-deaths.js';
import { plantW02toW05 } from './livelihood-means.js';
import { plantW14 } from './livelihood-farmland.js';
import { plantW06toW13 } from './livelihood-payments.js';

/** Plants W01–W14. */
export function plantLivelihood(world: DemoWorld): void {
  plantW01(world);
  plantW02toW05(world);
  plantW06toW13(world);
  plantW14(world);
}
