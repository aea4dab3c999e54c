import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatasetServices } from '../batches/batch-events.js';
import { requireAuth } from '../../../http/access-control.js';
import { getBatchQuality, getDatasetQuality } from './dataset-quality.service.js';
import { ZQualityQuery, ZQualityReport } from './dataset-quality.schemas.js';
import { ZBatchParams, ZDatasetTypeParams } from '../batches/datasets.schemas.js';

const isTrue = (flag: string | undefined) => flag === 'true' || flag === '1';

/** Quality reports of datasets and batches, computed in the lake over the viewer's jurisdiction. */
export function registerDatasetQualityRoutes(app: FastifyInstance, services: DatasetServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['quality'];

  api.get(
    '/api/v1/datasets/:type/quality',
    {
      config: { access: 'dataset.read' },
      schema: {
        tags,
        summary:
          "A dataset's quality: completeness, distinct values, identifier validity, duplicates, ranges, distributions",
        params: ZDatasetTypeParams,
        querystring: ZQualityQuery,
        response: { 200: ZQualityReport },
      },
    },
    async (request) =>
      getDatasetQuality(services, requireAuth(request), request.params.type, isTrue(request.query.refresh)),
  );

  api.get(
    '/api/v1/batches/:id/quality',
    {
      config: { access: 'dataset.read' },
      schema: {
        tags,
        summary: "One import batch's quality, over its rows inside the viewer's jurisdiction",
        params: ZBatchParams,
        querystring: ZQualityQuery,
        response: { 200: ZQualityReport },
      },
    },
    async (request) =>
      getBatchQuality(services, requireAuth(request), request.params.id, isTrue(request.query.refresh)),
  );
}
