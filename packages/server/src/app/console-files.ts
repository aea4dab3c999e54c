import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build` leaves the console. */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

/** Vite names every file under assets/ by a hash of its content: a new release, new names. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html, which names this release's assets) is asked again each time. */
export const REVALIDATE = 'no-cache';

/** The cache policy of a console file, by its path below the root (a compressed copy's too). */
export function consoleCacheControl(root: string, file: string): string {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return relative.startsWith('assets/') ? IMMUTABLE : REVALIDATE;
}

/**
 * Serves the built console: the brotli or gzip copy `npm run build` wrote beside each file
 * when the browser accepts it (`Vary: accept-encoding`), hashed assets cached for a year
 * and never revalidated, index.html revalidated on every load (its ETag answers 304 when
 * nothing changed), and every non-API path falling back to index.html.
 */
export async function registerConsole(app: FastifyInstance, root = WEB_DIST): Promise<void> {
  if (!existsSync(path.join(root, 'index.html'))) return;
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    preCompressed: true,
    setHeaders: (reply, file) => {
      reply.header('cache-control', consoleCacheControl(root, file));
    },
  });
  // A catch-all GET route rather than a second not-found handler: the error handler has
  // already set the one not-found handler Fastify allows.
  app.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply.status(404).send({ code: 'not_found', message: `No route ${request.method} ${request.url}` });
    }
    return reply.sendFile('index.html');
  });
}
