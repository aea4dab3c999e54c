import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.js';
import { ZDivisionImportResult, ZDivisionList, ZDivisionQuery } from './divisions.schemas.js';
import { DivisionsService } from './divisions.service.js';
import { ZImportRejected } from './organisations.schemas.js';
import { scopeFromRequest } from './scope.js';
import { readUploadedFile, replyWithImport } from './upload.js';

/** The division catalogue: browse it to pick a code; import it from CSV. */
export function registerDivisionRoutes(app: FastifyInstance, services: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const divisions = new DivisionsService(services.database.db);
  const tags = ['organisations'];

  api.get(
    '/api/v1/divisions',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Children of a division (the top level without parent), or a search by name or code',
        querystring: ZDivisionQuery,
        response: { 200: ZDivisionList },
      },
    },
    async (request) => ({ items: await divisions.listDivisions(request.query) }),
  );

  api.post(
    '/api/v1/divisions/import',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: 'Import divisions (code, name, parent_code) from CSV; all rows or none',
        consumes: ['multipart/form-data'],
        response: { 200: ZDivisionImportResult, 422: ZImportRejected },
      },
    },
    async (request, reply) => {
      const scope = scopeFromRequest(request);
      const { bytes, fileName } = await readUploadedFile(request);
      return replyWithImport(reply, () => divisions.importDivisions(scope, bytes, { fileName }));
    },
  );
}
