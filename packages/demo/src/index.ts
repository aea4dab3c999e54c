/**
 * The demo region generator: a fictional county's department files, its divisions and
 * organisation tree, the planted cases and their ground truth. Needs only core and Node;
 * the server loads what it writes (`packages/server/src/demo`).
 */
export { type DemoManifest, type GenerateDemoOptions, generateDemoRegion } from './generate.js';
export type { DemoFile, ExpectedRejection } from './file-writer.js';
export type { Evidence, GroundTruthCase } from './world.js';
/** The demo county's division and its commission's organisation code, for the loader. */
export { COMMISSION_CODE, COUNTY_CODE } from './region.js';
/** Calendar arithmetic on ISO dates, shared with the demo's deployment settings. */
export { addDays } from './dates.js';
/** What the demo county holds, one entry per department file. */
export { FILE_PLAN } from './file-plan.js';
