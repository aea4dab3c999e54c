import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModelServices } from '../model-services.js';
import type { FastifyRequest } from 'fastify';
import { requireAuth } from '../../../http/access-control.js';
import { editorFromRequest } from './editor.js';
import { registerModelReviewRoutes } from './model-review.routes.js';
import { previewResponse } from './preview-response.js';
import { startModelScheduler } from '../runs/model-scheduler.js';
import { registerModelRunRoutes } from '../runs/model-runs.routes.js';
import { presentModel, presentModelDetail } from './models.presenter.js';
import {
  ZCreateModel,
  ZModelDetail,
  ZModelIdParams,
  ZModelList,
  ZModelQuery,
  ZPreviewModel,
  ZPreviewResult,
  ZSaveModel,
  ZSetSchedule,
  ZUpdateParameters,
} from './models.schemas.js';
import * as models from './models.service.js';

/** The model registry (list, history, enable, schedule, parameters, user models) and runs. */
export function registerModelRoutes(app: FastifyInstance, services: ModelServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['models'];
  // A model under review is seen only in its author's jurisdiction and above: elsewhere a 404,
  // before any change too.
  const detail = async (request: FastifyRequest, id: string) => {
    const { model, versions, reviews } = await models.getModel(services, id, requireAuth(request).jurisdictionPrefix);
    return presentModelDetail(model, versions, reviews);
  };

  api.get(
    '/api/v1/models',
    {
      config: { access: 'model.read' },
      schema: { tags, summary: 'Registered models', querystring: ZModelQuery, response: { 200: ZModelList } },
    },
    async (request) => {
      const visibleTo = requireAuth(request).jurisdictionPrefix;
      return { items: (await models.listModels(services, { ...request.query, visibleTo })).map(presentModel) };
    },
  );

  api.get(
    '/api/v1/models/:id',
    {
      config: { access: 'model.read' },
      schema: {
        tags,
        summary: 'One model, its document and version history',
        params: ZModelIdParams,
        response: { 200: ZModelDetail },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  for (const enabled of [true, false]) {
    api.post(
      `/api/v1/models/:id/${enabled ? 'enable' : 'disable'}`,
      {
        config: { access: 'model.manage' },
        schema: {
          tags,
          summary: enabled ? 'Enable a model' : 'Disable a model',
          params: ZModelIdParams,
          response: { 200: ZModelDetail },
        },
      },
      async (request) => {
        await detail(request, request.params.id);
        await models.setModelEnabled(services, editorFromRequest(request), request.params.id, enabled);
        return detail(request, request.params.id);
      },
    );
  }

  api.put(
    '/api/v1/models/:id/schedule',
    {
      config: { access: 'model.manage' },
      schema: {
        tags,
        summary: "Set or clear a model's schedule (@daily, @monthly, 5-field cron)",
        params: ZModelIdParams,
        body: ZSetSchedule,
        response: { 200: ZModelDetail },
      },
    },
    async (request) => {
      await detail(request, request.params.id);
      await models.setModelSchedule(services, editorFromRequest(request), request.params.id, request.body.schedule);
      return detail(request, request.params.id);
    },
  );

  api.put(
    '/api/v1/models/:id/parameters',
    {
      config: { access: 'model.manage' },
      schema: {
        tags,
        summary: 'Edit parameter values: a new version, with the reason',
        params: ZModelIdParams,
        body: ZUpdateParameters,
        response: { 200: ZModelDetail },
      },
    },
    async (request) => {
      const { params, reason } = request.body;
      await detail(request, request.params.id);
      await models.updateModelParameters(services, editorFromRequest(request), request.params.id, params, reason);
      return detail(request, request.params.id);
    },
  );

  api.post(
    '/api/v1/models',
    {
      config: { access: 'model.manage' },
      schema: {
        tags,
        summary: "Register a user's own model from the builder",
        body: ZCreateModel,
        response: { 201: ZModelDetail },
      },
    },
    async (request, reply) => {
      const model = await models.createUserModel(services, editorFromRequest(request), request.body);
      return reply.status(201).send(await detail(request, model.id));
    },
  );

  api.put(
    '/api/v1/models/:id/document',
    {
      config: { access: 'model.manage' },
      schema: {
        tags,
        summary: "Save a new version of a user's model",
        params: ZModelIdParams,
        body: ZSaveModel,
        response: { 200: ZModelDetail },
      },
    },
    async (request) => {
      await detail(request, request.params.id);
      await models.saveUserModel(services, editorFromRequest(request), request.params.id, request.body);
      return detail(request, request.params.id);
    },
  );

  api.post(
    '/api/v1/models/preview',
    {
      config: { access: 'model.manage' },
      schema: {
        tags,
        summary: 'Run a draft model on current data (at most `limit` hits); nothing is saved',
        body: ZPreviewModel,
        response: { 200: ZPreviewResult },
      },
    },
    async (request) => {
      const { jurisdictionPrefix } = requireAuth(request);
      const result = await models.previewModel(services, editorFromRequest(request), {
        ...request.body,
        jurisdictionPrefix,
      });
      return previewResponse(services, result, request.body.limit);
    },
  );

  registerModelReviewRoutes(app, services);
  registerModelRunRoutes(app, services);

  // The server checks schedules while it is up; on shutdown the running run is cancelled
  // and awaited before the stores close under it.
  let stopScheduler: (() => void) | undefined;
  app.addHook('onReady', async () => {
    stopScheduler = startModelScheduler(services, {
      onError: (error) => app.log.error({ err: error }, 'model schedule check failed'),
    });
  });
  app.addHook('onClose', async () => {
    stopScheduler?.();
    await services.modelRuns.close();
  });
}
