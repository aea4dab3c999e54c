import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModelServices } from '../model-services.js';
import { requireAuth } from '../../../http/access-control.js';
import { actorFromRequest } from '../../audit/index.js';
import { editorFromRequest } from '../registry/editor.js';
import { ZRun, ZRunIdParams, ZRunPage, ZRunQuery, ZStartRun, presentRun } from './model-runs.schemas.js';
import { cancelRun, getVisibleRun, listRuns, startRun } from './model-runs.service.js';

/**
 * Model runs: start (one, several, all; full or incremental), list, progress, cancel. A
 * county's user starts runs bounded by the county, and sees runs of the county in full and
 * the whole country's without their figures (see presentRun).
 */
export function registerModelRunRoutes(app: FastifyInstance, services: ModelServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['model runs'];

  api.post(
    '/api/v1/model-runs',
    {
      config: { access: 'model.run' },
      schema: { tags, summary: 'Start a run in the background', body: ZStartRun, response: { 202: ZRun } },
    },
    async (request, reply) => {
      const { models, all, kind, batchIds } = request.body;
      const { jurisdictionPrefix } = requireAuth(request);
      const run = await startRun(
        services,
        { ...editorFromRequest(request), jurisdictionPrefix },
        {
          kind,
          ...(models ? { modelIds: models } : {}),
          ...(all !== undefined ? { all } : {}),
          ...(batchIds ? { batchIds } : {}),
        },
      );
      return reply.status(202).send(presentRun(run, jurisdictionPrefix));
    },
  );

  api.get(
    '/api/v1/model-runs',
    {
      config: { access: 'model.read' },
      schema: { tags, summary: 'Runs, newest first', querystring: ZRunQuery, response: { 200: ZRunPage } },
    },
    async (request) => {
      const { page, pageSize, status } = request.query;
      const viewer = requireAuth(request);
      const { items, total } = await listRuns(services, viewer, page, pageSize, status);
      return { items: items.map((run) => presentRun(run, viewer.jurisdictionPrefix)), total, page, pageSize };
    },
  );

  api.get(
    '/api/v1/model-runs/:id',
    {
      config: { access: 'model.read' },
      schema: { tags, summary: 'One run and its progress', params: ZRunIdParams, response: { 200: ZRun } },
    },
    async (request) => {
      const viewer = requireAuth(request);
      return presentRun(await getVisibleRun(services, viewer, request.params.id), viewer.jurisdictionPrefix);
    },
  );

  api.post(
    '/api/v1/model-runs/:id/cancel',
    {
      config: { access: 'model.run' },
      schema: { tags, summary: 'Cancel a queued or running run', params: ZRunIdParams, response: { 200: ZRun } },
    },
    async (request) => {
      const viewer = requireAuth(request);
      const run = await cancelRun(services, actorFromRequest(request), viewer, request.params.id);
      return presentRun(run, viewer.jurisdictionPrefix);
    },
  );
}
