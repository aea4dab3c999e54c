import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../../http/access-control.js';
import type { Platform } from '../../../platform/platform.js';
import { ZInbox } from './inbox.schemas.js';
import { readInbox } from './inbox.service.js';

/** The signed-in person's tasks. */
export function registerInboxRoutes(app: FastifyInstance, platform: Platform): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/inbox',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['notifications'],
        summary: 'What you must act on now (clues awaiting a step of yours or your approval), soonest due first',
        response: { 200: ZInbox },
      },
    },
    async (request) => readInbox(platform, requireAuth(request)),
  );
}
