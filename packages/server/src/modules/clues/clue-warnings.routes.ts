import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.js';
import { signedInViewer } from '../audit/index.js';
import { joinWarningsToClue } from './clue-warnings-join.service.js';
import { ZClueDetail, ZClueIdParams, ZJoinWarnings } from './clues.schemas.js';
import { getClueDetail } from './clues.service.js';

/** Confirmed warnings joining a clue after its receipt. */
export function registerClueWarningRoutes(app: FastifyInstance, platform: Platform): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/clues/:id/warnings',
    {
      config: { access: 'clue.handle' },
      schema: {
        tags: ['clues'],
        summary:
          'Join confirmed warnings of your jurisdiction that are in no clue yet to an open clue (404 for a warning outside it, 409 when one is unconfirmed or taken)',
        params: ZClueIdParams,
        body: ZJoinWarnings,
        response: { 200: ZClueDetail },
      },
    },
    async (request) => {
      const viewer = signedInViewer(request);
      await joinWarningsToClue(platform, viewer, request.params.id, request.body.warningIds);
      return getClueDetail(platform, viewer, request.params.id);
    },
  );
}
