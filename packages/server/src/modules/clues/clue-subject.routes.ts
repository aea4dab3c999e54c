import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Platform } from '../../platform/platform.js';
import { signedInViewer } from '../audit/index.js';
import { addClueSubject } from './clue-subject-add.service.js';
import { ZAddedSubject, ZClueIdParams } from './clues.schemas.js';

/** Subjects added to a clue after its receipt. */
export function registerClueSubjectRoutes(app: FastifyInstance, platform: Platform): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/clues/:id/subjects',
    {
      config: { access: 'clue.handle' },
      schema: {
        tags: ['clues'],
        summary:
          'Add a person (identity number checked by GB 11643) or a unit to an open clue; 409 with the reason in both languages when it already names them',
        params: ZClueIdParams,
        body: ZAddedSubject,
        // No body: a handler the new subject recuses (kinship) may no longer open the clue.
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await addClueSubject(platform, signedInViewer(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
