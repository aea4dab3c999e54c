/** The demo region: generate a fictional county's departmental files, and load them. */
export { type DemoManifest, type GenerateDemoOptions, generateDemoRegion } from './generate.js';
export type { DemoFile, ExpectedRejection } from './file-writer.js';
export { type DemoLoadReport, type LoadedFile, loadDemoRegion } from './load-demo.js';
export type { Evidence, GroundTruthCase } from './world.js';
