import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppServices } from '../../app-services.js';
import { actorFromRequest } from '../audit/audit.service.js';
import { editorFromRequest } from './editor.js';
import { ZRun, ZRunIdParams, ZRunPage, ZRunQuery, ZStartRun, presentRun } from './model-runs.schemas.js';
import { cancelRun, getRun, listRuns, startRun } from './model-runs.service.js';

/** Model runs: start (one, several, all; full or incremental), list, progress, cancel. */
export function registerModelRunRoutes(app: FastifyInstance, services: AppServices): void {
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
      const run = await startRun(services, editorFromRequest(request), {
        kind,
        ...(models ? { modelIds: models } : {}),
        ...(all !== undefined ? { all } : {}),
        ...(batchIds ? { batchIds } : {}),
      });
      return reply.status(202).send(presentRun(run));
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
      const { items, total } = await listRuns(services, page, pageSize, status);
      return { items: items.map(presentRun), total, page, pageSize };
    },
  );

  api.get(
    '/api/v1/model-runs/:id',
    {
      config: { access: 'model.read' },
      schema: { tags, summary: 'One run and its progress', params: ZRunIdParams, response: { 200: ZRun } },
    },
    async (request) => presentRun(await getRun(services, request.params.id)),
  );

  api.post(
    '/api/v1/model-runs/:id/cancel',
    {
      config: { access: 'model.run' },
      schema: { tags, summary: 'Cancel a queued or running run', params: ZRunIdParams, response: { 200: ZRun } },
    },
    async (request) => presentRun(await cancelRun(services, actorFromRequest(request), request.params.id)),
  );
}
