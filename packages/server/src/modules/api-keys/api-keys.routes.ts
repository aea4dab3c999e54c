import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ApiKeyServices } from './api-key-services.js';
import { AuthenticationError } from '../../http/errors.js';
import { scopeFromRequest } from '../organisations/index.js';
import { apiKeyActor } from './api-key-auth.js';
import { auditKeyFailures } from './key-failure-audit.js';
import { PUSH_ANSWERS, pushRouteDescription } from './push-docs.js';
import { presentApiKey, presentPushResult } from './api-keys.presenter.js';
import {
  PUSH_BODY_LIMIT,
  ZApiKey,
  ZApiKeyList,
  ZApiKeyParams,
  ZApiKeyQuery,
  ZCreateApiKey,
  ZCreatedApiKey,
  ZPushBody,
  ZPushError,
  ZPushParams,
  ZPushQuery,
  ZPushResult,
  ZRevokeApiKey,
} from './api-keys.schemas.js';
import { createApiKey, getApiKey, listApiKeys, revokeApiKey } from './api-keys.service.js';
import { pushRows } from './push.service.js';

/** Content types of a JSON Lines push; the body reaches the route as text. */
const JSON_LINES_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/json-lines'];

/**
 * Audits the windows of refused API key attempts as they end, even when no further attempt
 * comes to close them, and whatever is still open when the server stops (before the stores
 * close).
 */
function auditKeyFailuresPeriodically(app: FastifyInstance, services: ApiKeyServices): void {
  const db = services.database.db;
  const timer = setInterval(
    () =>
      services.background.start('Refused API key attempts were not audited', () =>
        auditKeyFailures(db, services.keyFailures.takeEnded(services.clock.now())),
      ),
    Math.min(services.keyFailures.policy.windowMs, 60_000),
  );
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
    await auditKeyFailures(db, services.keyFailures.takeAll());
  });
}

/**
 * Department API keys (issued, listed and revoked by data administrators) and the push
 * route departments call with them.
 */
export function registerApiKeyRoutes(app: FastifyInstance, services: ApiKeyServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['api-keys'];
  const now = () => services.clock.now();
  auditKeyFailuresPeriodically(app, services);

  api.post(
    '/api/v1/api-keys',
    {
      config: { access: 'dataset.manage' },
      schema: {
        tags,
        summary: 'Issue a key to a department; the secret is in this answer only',
        body: ZCreateApiKey,
        response: { 201: ZCreatedApiKey },
      },
    },
    async (request, reply) => {
      const created = await createApiKey(services, scopeFromRequest(request), request.body);
      return reply.status(201).send({ key: presentApiKey(created.key, now()), secret: created.secret });
    },
  );

  api.get(
    '/api/v1/api-keys',
    {
      config: { access: 'dataset.manage' },
      schema: {
        tags,
        summary: 'Keys of departments in the jurisdiction',
        querystring: ZApiKeyQuery,
        response: { 200: ZApiKeyList },
      },
    },
    async (request) => {
      const { departmentId, includeRevoked } = request.query;
      const keys = await listApiKeys(services, scopeFromRequest(request), {
        ...(departmentId !== undefined ? { departmentId } : {}),
        includeRevoked: includeRevoked === 'true',
      });
      return { items: keys.map((k) => presentApiKey(k, now())) };
    },
  );

  api.get(
    '/api/v1/api-keys/:id',
    {
      config: { access: 'dataset.manage' },
      schema: { tags, summary: 'One key', params: ZApiKeyParams, response: { 200: ZApiKey } },
    },
    async (request) => presentApiKey(await getApiKey(services, scopeFromRequest(request), request.params.id), now()),
  );

  api.post(
    '/api/v1/api-keys/:id/revoke',
    {
      config: { access: 'dataset.manage' },
      schema: {
        tags,
        summary: 'Revoke a key for good',
        params: ZApiKeyParams,
        body: ZRevokeApiKey,
        response: { 200: ZApiKey },
      },
    },
    async (request) => {
      const key = await revokeApiKey(services, scopeFromRequest(request), request.params.id, request.body.reason);
      return presentApiKey(key, now());
    },
  );

  // JSON Lines bodies are kept as text for the push route to write out as they are.
  app.addContentTypeParser(
    JSON_LINES_TYPES,
    { parseAs: 'string', bodyLimit: PUSH_BODY_LIMIT },
    (_request, body, done) => {
      done(null, body);
    },
  );

  api.post(
    '/api/v1/push/:type',
    {
      config: { access: 'api_key' },
      bodyLimit: PUSH_BODY_LIMIT,
      schema: {
        tags: ['push'],
        summary: 'Push rows of a granted dataset type as one batch (x-api-key; JSON {rows} or JSON Lines)',
        description: pushRouteDescription(),
        security: [{ apiKey: [] }],
        consumes: ['application/json', ...JSON_LINES_TYPES],
        params: ZPushParams,
        querystring: ZPushQuery,
        body: ZPushBody,
        response: {
          201: ZPushResult.describe(PUSH_ANSWERS[201]),
          ...Object.fromEntries(
            ([400, 401, 403, 404, 409, 413, 429] as const).map((status) => [
              status,
              ZPushError.describe(PUSH_ANSWERS[status]),
            ]),
          ),
        },
      },
    },
    async (request, reply) => {
      const key = request.apiKey;
      if (!key) throw new AuthenticationError();
      const outcome = await pushRows(services, apiKeyActor(request, key), key, {
        datasetType: request.params.type,
        body: request.body,
        force: request.query.force === 'true' || request.query.force === '1',
      });
      return reply.status(201).send(presentPushResult(outcome));
    },
  );
}
