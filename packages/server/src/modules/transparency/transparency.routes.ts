import type { FastifyInstance, FastifyRequest } from 'fastify';
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
  ZReceipt,
  ZReceiptParams,
} from './transparency.schemas.js';
import { assembleReceipt, type EntryLocator } from './receipts.service.js';
import {
  findLatestCheckpoint,
  findLogEntry,
  listLogKeys,
  proveConsistency,
  proveInclusion,
} from './transparency.service.js';

/**
 * The transparency log (可信存证): tree heads and keys for anyone (a witness, the public
 * verifier page), and consistency proofs, which reveal no entry; entries, inclusion proofs and
 * receipts of internal entries for staff who may read the audit trail, within their jurisdiction.
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
      // Public: a consistency proof holds interior hashes only, no entry, and a witness with no
      // account needs it (docs/transparency-log.md, "Who may see what").
      config: { access: 'public' },
      schema: {
        tags: ['transparency'],
        summary: 'A consistency proof between two tree sizes (to the latest signed tree head by default)',
        querystring: ZConsistencyQuery,
        response: { 200: ZConsistencyProof },
      },
    },
    (request) => proveConsistency(services, request.query.first, request.query.second),
  );

  const sendReceipt = async (request: FastifyRequest, locator: EntryLocator) => {
    const receipt = await assembleReceipt(services, locator, requireAuth(request).jurisdictionPrefix);
    await recordAudit(services.database.db, actorFromRequest(request), {
      action: 'transparency.receipt',
      objectType: 'transparency_entry',
      objectId: receipt.index,
    });
    return receipt;
  };

  api.get(
    '/api/v1/transparency/entries/:index/receipt',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['transparency'],
        summary: 'A receipt for an entry: its bytes, inclusion path and the signed tree head it leads to',
        params: ZEntryParams,
        response: { 200: ZReceipt },
      },
    },
    (request) => sendReceipt(request, { index: request.params.index }),
  );

  api.get(
    '/api/v1/transparency/receipts/:kind/:sourceId',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['transparency'],
        summary: 'A receipt for the entry that logged a source row (an audit entry by its id, say)',
        params: ZReceiptParams,
        response: { 200: ZReceipt },
      },
    },
    (request) => sendReceipt(request, request.params),
  );
}
