import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { signedInViewer } from '../audit/index.js';
import { type ApprovalServices, createRequest, decideRequest, listRequests } from './approvals.service.js';
import {
  ZCreateRequest,
  ZDecision,
  ZRequestListQuery,
  ZRequestParams,
  ZSensitiveRequest,
  ZSensitiveRequestList,
} from './approvals.schemas.js';

/** Sensitive-query approvals (敏感查询审批): ask, list, decide. */
export function registerApprovalRoutes(app: FastifyInstance, services: ApprovalServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['approvals'];

  api.post(
    '/api/v1/approvals',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Ask a second person to approve a sensitive query (kept masked); audited',
        body: ZCreateRequest,
        response: { 201: ZSensitiveRequest },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createRequest(services, signedInViewer(request), request.body)),
  );

  api.get(
    '/api/v1/approvals',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          "One's own requests (view=mine), or others' pending requests to decide (view=to_decide, sensitive.approve)",
        querystring: ZRequestListQuery,
        response: { 200: ZSensitiveRequestList },
      },
    },
    async (request) => listRequests(services, signedInViewer(request), request.query.view),
  );

  api.post(
    '/api/v1/approvals/:id/decision',
    {
      config: { access: 'sensitive.approve' },
      schema: {
        tags,
        summary: "Approve or refuse another user's sensitive query in your jurisdiction; audited",
        params: ZRequestParams,
        body: ZDecision,
        response: { 200: ZSensitiveRequest },
      },
    },
    async (request) => decideRequest(services, signedInViewer(request), request.params.id, request.body),
  );
}
