import type { FastifyInstance } from 'fastify';
import type { WarningServices } from './warning-services.js';
import { requireAuth } from '../../http/access-control.js';
import { AppError } from '../../http/errors.js';
import { maskPersonalDataInText } from '@qingfeng/core';
import type { WarningNotice } from './warning-feed.js';

const HEARTBEAT_MS = 25_000;

/** Whether a notice belongs on this user's stream: red, and inside their jurisdiction. */
export function isForJurisdiction(notice: WarningNotice, prefix: string): boolean {
  if (notice.severity !== 'red') return false;
  return prefix === '' || (notice.divisionCode ?? '').startsWith(prefix);
}

/**
 * `GET /api/v1/warnings/stream`: Server-Sent Events pushing each new red warning inside
 * the user's jurisdiction as it is found (event `warning`, masked as in the list). A
 * comment every 25 s keeps proxies from closing the connection. Only clients that accept
 * `text/event-stream` get a stream; anything else is a 406, so a plain request (or a test
 * walking every route) is answered at once instead of being held open.
 */
export function registerWarningStream(app: FastifyInstance, services: WarningServices): void {
  app.get(
    '/api/v1/warnings/stream',
    {
      config: { access: 'warning.read' },
      schema: { tags: ['warnings'], summary: 'Live feed of new red warnings in your jurisdiction (text/event-stream)' },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      if (!String(request.headers.accept ?? '').includes('text/event-stream')) {
        throw new AppError(
          406,
          'not_acceptable',
          'This route streams text/event-stream; send Accept: text/event-stream',
        );
      }
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': request.id,
      });
      raw.write('retry: 5000\n: connected\n\n');
      const unsubscribe = services.warningFeed.subscribe((notice) => {
        if (!isForJurisdiction(notice, auth.jurisdictionPrefix)) return;
        const payload = {
          ...notice,
          explanationZh: maskPersonalDataInText(notice.explanationZh),
          explanationEn: maskPersonalDataInText(notice.explanationEn),
        };
        raw.write(`id: ${notice.id}\nevent: warning\ndata: ${JSON.stringify(payload)}\n\n`);
      });
      const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      const stop = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.raw.on('close', stop);
      raw.on('close', stop);
    },
  );
}
