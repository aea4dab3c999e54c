import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { requireAuth } from '../../http/access-control.js';
import { actorFromRequest, recordAudit } from '../audit/index.js';
import type { TransparencyServices } from './transparency-log.js';
import {
  ZCheckpoint,
  ZConsistencyProof,
  ZConsistencyQuery,
  ZEntryParams,
  ZInclusionProof,
  ZInclusionQuery,
  ZLogEntry,
  ZLogKeys,
} from './transparency.schemas.js';
import {
  findLatestCheckpoint,
  findLogEntry,
  listLogKeys,
  proveConsistency,
  proveInclusion,
} from './transparency.service.js';

/**
 * The transparency log (可信存证): tree heads and keys for anyone (a witness, the public
 * verifier page); entries and proofs of internal entries for staff who may read the audit trail.
 */
export function registerTransparencyRoutes(app: FastifyInstance, services: TransparencyServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/transparency/checkpoint',
    {
      config: { access: 'public' },
      schema: {
        tags: ['transparency'],
        summary: 'The latest signed tree head (a C2SP checkpoint)',
        response: { 200: ZCheckpoint },
      },
    },
    () => findLatestCheckpoint(services),
  );

  api.get(
    '/api/v1/transparency/keys',
    {
      config: { access: 'public' },
      schema: { tags: ['transparency'], summary: 'The public keys that sign tree heads', response: { 200: ZLogKeys } },
    },
    () => listLogKeys(services),
  );

  api.post(
    '/api/v1/transparency/tree-heads',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['transparency'],
        summary: 'Sign a tree head now, over everything committed so far',
        response: { 200: ZCheckpoint },
      },
    },
    async (request) => {
      await services.transparency.signNow(true);
      await recordAudit(services.database.db, actorFromRequest(request), { action: 'transparency.sign' });
      return findLatestCheckpoint(services);
    },
  );

  api.get(
    '/api/v1/transparency/entries/:index',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['transparency'],
        summary: "An entry's canonical bytes and leaf hash",
        params: ZEntryParams,
        response: { 200: ZLogEntry },
      },
    },
    (request) => findLogEntry(services, request.params.index, requireAuth(request).jurisdictionPrefix),
  );

  api.get(
    '/api/v1/transparency/entries/:index/inclusion',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['transparency'],
        summary: "An entry's inclusion proof in a tree (the latest signed tree head's size by default)",
        params: ZEntryParams,
        querystring: ZInclusionQuery,
        response: { 200: ZInclusionProof },
      },
    },
    (request) =>
      proveInclusion(services, request.params.index, request.query.size, requireAuth(request).jurisdictionPrefix),
  );

  api.get(
    '/api/v1/transparency/consistency',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['transparency'],
        summary: 'A consistency proof between two tree sizes (to the latest signed tree head by default)',
        querystring: ZConsistencyQuery,
        response: { 200: ZConsistencyProof },
      },
    },
    (request) => proveConsistency(services, request.query.first, request.query.second),
  );
}
