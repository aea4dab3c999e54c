import { parentPort, workerData } from 'node:worker_threads';
import { type PartRequest, type PartResult, copyPart } from './engine-copy-part.js';

/** Messages of a part-copying worker to csv-engine.ts. */
export type PartMessage =
  { readonly kind: 'bytes'; readonly read: number } | { readonly kind: 'done'; readonly result: PartResult };

// Progress every 16 MB: a message per 1 MB chunk would cost more than it tells.
const REPORT_EVERY = 16 << 20;

let reported = 0;
const post = (message: PartMessage) => parentPort?.postMessage(message);
// No top-level await: from the sources, tsx runs this module as CommonJS. A rejection is
// uncaught, so it ends the worker with the error, which the caller receives.
void copyPart(workerData as PartRequest, (read) => {
  if (read - reported < REPORT_EVERY) return;
  reported = read;
  post({ kind: 'bytes', read });
}).then((result) => post({ kind: 'done', result }));
