import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Platform } from '../../../platform/platform.js';
import { signedInViewer } from '../../audit/index.js';
import { ZClueIdParams } from '../clues.schemas.js';
import { CLUE_FORMS } from './clue-forms.js';
import { clueDocument } from './clue-documents.service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The standard forms of a clue (线索处置审批表, 初步核实情况报告) as DOCX files. */
export function registerClueDocumentRoutes(app: FastifyInstance, platform: Platform): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/clues/:id/documents/:form',
    {
      config: { access: 'clue.read' },
      schema: {
        tags: ['clues'],
        summary:
          'A standard form of the clue as DOCX, in Chinese, from its record and timeline (disposal-approval, verification-report); audited and watermarked',
        params: ZClueIdParams.extend({ form: z.enum(CLUE_FORMS) }),
      },
    },
    async (request, reply) => {
      const { id, form } = request.params;
      const file = await clueDocument(platform, signedInViewer(request), id, form);
      return reply
        .header('content-type', DOCX)
        .header(
          'content-disposition',
          `attachment; filename="clue-${id}-${form}.docx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(file.content);
    },
  );
}
