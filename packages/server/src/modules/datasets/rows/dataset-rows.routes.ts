import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatasetServices } from '../batches/batch-events.js';
import { requireAuth } from '../../../http/access-control.js';
import { actorFromRequest } from '../../audit/index.js';
import { ZRowLineage, ZRowPage, ZRowParams, ZRowQuery } from './dataset-rows.schemas.js';
import { browseRows, filtersOf, getRowLineage } from './dataset-rows.service.js';
import { ZDatasetTypeParams } from '../batches/datasets.schemas.js';

const QUERY_KEYS = ['page', 'pageSize', 'batchId', 'reveal', 'reason'];

/** The dataset browser and row lineage, inside the viewer's jurisdiction. */
export function registerDatasetRowRoutes(app: FastifyInstance, services: DatasetServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['datasets'];

  api.get(
    '/api/v1/datasets/:type/rows',
    {
      config: { access: 'dataset.read' },
      schema: {
        tags,
        summary:
          'Browse a dataset: paged rows, filter[field]=value, personal data masked unless reveal=true with a reason (person.read, audited)',
        params: ZDatasetTypeParams,
        querystring: ZRowQuery,
        response: { 200: ZRowPage },
      },
    },
    async (request) => {
      const { page, pageSize, batchId, reveal, reason } = request.query;
      return browseRows(services, requireAuth(request), actorFromRequest(request), {
        type: request.params.type,
        page,
        pageSize,
        ...(batchId !== undefined ? { batchId } : {}),
        filters: filtersOf(request.query, QUERY_KEYS),
        reveal: reveal === 'true' || reveal === '1',
        ...(reason !== undefined ? { reason } : {}),
      });
    },
  );

  api.get(
    '/api/v1/datasets/:type/rows/:batchId/:rowNo/lineage',
    {
      config: { access: 'dataset.read' },
      schema: {
        tags,
        summary:
          'Where a row came from: its batch, the file (name, hash, department, importer, time) and the rejected-rows report',
        params: ZRowParams,
        response: { 200: ZRowLineage },
      },
    },
    async (request) =>
      getRowLineage(services, requireAuth(request), request.params.type, request.params.batchId, request.params.rowNo),
  );
}
