import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

/**
 * A worker thread running the module at `url`. The build's JavaScript runs as it is; run
 * from the TypeScript sources (the tests, tsx), the module goes through tsx's loader,
 * which Node's workers do not inherit. A worker's uncaught error rejects whoever awaits it.
 */
export function moduleWorker(url: URL, workerData: unknown): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, { workerData });
  const file = JSON.stringify(fileURLToPath(url));
  return new Worker(`require('tsx/cjs/api').register(); require(${file});`, { eval: true, workerData });
}

/** The URL of sibling module `name` (without extension) of the module at `from`, as the caller runs: .ts or .js. */
export function siblingModule(from: string, name: string): URL {
  const extension = from.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, from);
}
