import type { ModelSpec } from '../spec-types.js';
import { wallClockMinute } from '../wall-clock.js';
import { C01, C02, C03, C04, C05, C06 } from './c-collective.js';
import { F01, F02, F03, F04, F05 } from './f-four-winds.js';
import { F06, F07, F08, F09 } from './f-four-winds-more.js';
import { M01, M02, M03, M04, M05 } from './m-medical.js';
import { P01, P02, P03, P04 } from './p-officials.js';
import { PR01, PR02, PR03, PR04, PR05, PR06, PR07 } from './pr-procurement.js';
import { PR08, PR09, PR10, PR11, PR12, PR13, PR14 } from './pr-procurement-more.js';
import { W01, W02, W03, W04, W05, W06, W07 } from './w-livelihood.js';
import { W08, W09, W10, W11, W12, W13, W14 } from './w-livelihood-more.js';

/** Every built-in model, in the order of models.md. */
export const BUILTIN_MODELS: readonly ModelSpec[] = [
  W01,
  W02,
  W03,
  W04,
  W05,
  W06,
  W07,
  W08,
  W09,
  W10,
  W11,
  W12,
  W13,
  W14,
  P01,
  P02,
  P03,
  P04,
  PR01,
  PR02,
  PR03,
  PR04,
  PR05,
  PR06,
  PR07,
  PR08,
  PR09,
  PR10,
  PR11,
  PR12,
  PR13,
  PR14,
  F01,
  F02,
  F03,
  F04,
  F05,
  F06,
  F07,
  F08,
  F09,
  M01,
  M02,
  M03,
  M04,
  M05,
  C01,
  C02,
  C03,
  C04,
  C05,
  C06,
];

/** The built-in model with this id, or undefined. */
export function findBuiltinModel(id: string): ModelSpec | undefined {
  return BUILTIN_MODELS.find((m) => m.id === id);
}

/**
 * Fills `{fact}` placeholders of an explanation; unknown or missing facts show as '—', and an
 * instant (a timestamp fact) as `YYYY-MM-DD HH:mm` on the deployment's wall clock. `show`
 * puts a value into words instead (explainHit: codes by their labels, divisions by name).
 */
export function renderExplanation(
  template: string,
  facts: Readonly<Record<string, unknown>>,
  show?: (name: string, value: unknown, offset: number) => string,
): string {
  return template.replace(/\{([a-z0-9_]+)\}/g, (_, name: string, offset: number) => {
    const value = facts[name];
    if (show !== undefined) return show(name, value, offset);
    if (typeof value === 'string') return wallClockMinute(value) ?? value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return value === null || value === undefined ? '—' : JSON.stringify(value);
  });
}
