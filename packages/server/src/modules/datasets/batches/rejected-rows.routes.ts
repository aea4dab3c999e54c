import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatasetServices } from './batch-events.js';
import { requireAuth } from '../../../http/access-control.js';
import { ForbiddenError } from '../../../http/errors.js';
import { actorFromRequest } from '../../audit/index.js';
import { ZBatchParams } from './datasets.schemas.js';
import { ZRejectedPage, ZRejectedQuery } from './rejected-rows.schemas.js';
import { listRejectedLines } from './rejected-rows.service.js';

/** A batch's rejected rows read in the console, a page at a time, masked unless a reason is given (the CSV download stays whole). */
export function registerRejectedRowsRoutes(app: FastifyInstance, services: DatasetServices): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/batches/:id/rejected/lines',
    {
      // As the CSV download: the report is the importer's to correct the file.
      config: { access: 'dataset.import' },
      schema: {
        tags: ['datasets'],
        summary:
          "A page of a batch's rejected-rows report (row, column, value masked unless a reason is given with person.read, reason); audited",
        params: ZBatchParams,
        querystring: ZRejectedQuery,
        response: { 200: ZRejectedPage },
      },
    },
    async (request) => {
      const { page, pageSize, reason } = request.query;
      const auth = requireAuth(request);
      const viewer = { jurisdictionPrefix: auth.jurisdictionPrefix, actor: actorFromRequest(request) };
      if (reason !== undefined && !auth.permissions.has('person.read')) {
        throw new ForbiddenError(
          'Showing personal data whole needs the person.read permission',
          'person_read_required',
        );
      }
      const { items, hasMore } = await listRejectedLines(services, viewer, request.params.id, {
        page,
        pageSize,
        reason,
      });
      return { items, page, pageSize, hasMore, masked: reason === undefined };
    },
  );
}
