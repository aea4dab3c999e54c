import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Platform } from '../../../platform/platform.js';
import { signedInViewer } from '../../audit/index.js';
import { caseFilingDecision } from './case-filing-decision.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The standard forms of a case (立案决定书) as DOCX files. */
export function registerCaseDocumentRoutes(app: FastifyInstance, platform: Platform): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/cases/:id/documents/:form',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary:
          'A standard form of the case as DOCX, in Chinese, from its record (filing-decision); audited and watermarked',
        params: z.object({
          id: z.coerce.number().int().positive().max(2_147_483_647),
          form: z.enum(['filing-decision']),
        }),
      },
    },
    async (request, reply) => {
      const { id, form } = request.params;
      const file = await caseFilingDecision(platform, signedInViewer(request), id);
      return reply
        .header('content-type', DOCX)
        .header(
          'content-disposition',
          `attachment; filename="case-${id}-${form}.docx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(file.content);
    },
  );
}
