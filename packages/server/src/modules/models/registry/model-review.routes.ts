import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModelServices } from '../model-services.js';
import { editorFromRequest } from './editor.js';
import { approveModel, previewStoredModel, returnModel } from './model-review.service.js';
import { presentModelDetail } from './models.presenter.js';
import { ZModelDetail, ZModelIdParams, ZPreviewResult, ZPreviewStoredModel, ZReturnModel } from './models.schemas.js';
import { previewResponse } from './preview-response.js';

/** The review of a builder model by a second person: its preview, approval, or return with a reason. */
export function registerModelReviewRoutes(app: FastifyInstance, services: ModelServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['models'];

  api.post(
    '/api/v1/models/:id/preview',
    {
      config: { access: 'model.approve' },
      schema: {
        tags,
        summary: "Preview a stored model's current version in the reviewer's jurisdiction; nothing is saved",
        params: ZModelIdParams,
        body: ZPreviewStoredModel,
        response: { 200: ZPreviewResult },
      },
    },
    async (request) => {
      const { limit } = request.body;
      const result = await previewStoredModel(services, editorFromRequest(request), request.params.id, limit);
      return previewResponse(services, result, limit);
    },
  );

  api.post(
    '/api/v1/models/:id/approve',
    {
      config: { access: 'model.approve' },
      schema: {
        tags,
        summary: 'Approve and enable a draft model (never one you submitted)',
        params: ZModelIdParams,
        response: { 200: ZModelDetail },
      },
    },
    async (request) => {
      const { model, versions, reviews } = await approveModel(services, editorFromRequest(request), request.params.id);
      return presentModelDetail(model, versions, reviews);
    },
  );

  api.post(
    '/api/v1/models/:id/return',
    {
      config: { access: 'model.approve' },
      schema: {
        tags,
        summary: 'Return a draft model to its author with the reason',
        params: ZModelIdParams,
        body: ZReturnModel,
        response: { 200: ZModelDetail },
      },
    },
    async (request) => {
      const reviewer = editorFromRequest(request);
      const { model, versions, reviews } = await returnModel(
        services,
        reviewer,
        request.params.id,
        request.body.reason,
      );
      return presentModelDetail(model, versions, reviews);
    },
  );
}
