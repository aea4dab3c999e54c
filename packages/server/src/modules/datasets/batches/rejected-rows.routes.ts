import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatasetServices } from './batch-events.js';
import { requireAuth } from '../../../http/access-control.js';
import { actorFromRequest } from '../../audit/index.js';
import { ZBatchParams } from './datasets.schemas.js';
import { ZRejectedPage, ZRejectedQuery } from './rejected-rows.schemas.js';
import { listRejectedLines } from './rejected-rows.service.js';

/** A batch's rejected rows read in the console, a page at a time and masked (the CSV download stays whole). */
export function registerRejectedRowsRoutes(app: FastifyInstance, services: DatasetServices): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/batches/:id/rejected/lines',
    {
      // As the CSV download: the report is the importer's to correct the file.
      config: { access: 'dataset.import' },
      schema: {
        tags: ['datasets'],
        summary: "A page of a batch's rejected-rows report (row, column, value masked, reason); audited",
        params: ZBatchParams,
        querystring: ZRejectedQuery,
        response: { 200: ZRejectedPage },
      },
    },
    async (request) => {
      const { page, pageSize } = request.query;
      const viewer = { jurisdictionPrefix: requireAuth(request).jurisdictionPrefix, actor: actorFromRequest(request) };
      const { items, hasMore } = await listRejectedLines(services, viewer, request.params.id, page, pageSize);
      return { items, page, pageSize, hasMore };
    },
  );
}
