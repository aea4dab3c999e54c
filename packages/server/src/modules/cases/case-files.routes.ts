import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.js';
import { signedInViewer } from '../audit/index.js';
import { addEvidence, downloadEvidence, readEvidenceUpload, recordEvidence } from './case-evidence.service.js';
import { ZLedger, ZPropertyEntry } from './case-property.schemas.js';
import { addLedgerEntry, getLedger } from './case-property.service.js';
import { ZCaseDetail, ZCaseIdParams, ZEvidenceParams, ZRecordEvidence } from './cases.schemas.js';
import { getCaseDetail } from './cases.service.js';

/** A case's evidence (uploaded, hashed, logged, downloaded) and its money-and-property ledger. */
export function registerCaseFileRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  api.post(
    '/api/v1/cases/:id/evidence',
    {
      config: { access: 'case.handle' },
      schema: {
        tags,
        summary: 'Add an evidence file (multipart: file, title, optional supersedes; at most 20 MB), hashed and logged',
        params: ZCaseIdParams,
        response: { 201: ZCaseDetail },
      },
    },
    async (request, reply) => {
      const viewer = signedInViewer(request);
      await addEvidence(platform, viewer, request.params.id, await readEvidenceUpload(request));
      return reply.status(201).send(await getCaseDetail(platform, viewer, request.params.id));
    },
  );

  api.post(
    '/api/v1/cases/:id/evidence/record',
    {
      config: { access: 'case.handle' },
      schema: {
        tags,
        summary: 'Add a written record as evidence, hashed and logged like a file',
        params: ZCaseIdParams,
        body: ZRecordEvidence,
        response: { 201: ZCaseDetail },
      },
    },
    async (request, reply) => {
      const viewer = signedInViewer(request);
      await addEvidence(platform, viewer, request.params.id, recordEvidence(request.body));
      return reply.status(201).send(await getCaseDetail(platform, viewer, request.params.id));
    },
  );

  api.get(
    '/api/v1/cases/:id/evidence/:evidenceId',
    {
      config: { access: 'case.read' },
      schema: { tags, summary: "An evidence file's bytes (audited)", params: ZEvidenceParams },
    },
    async (request, reply) => {
      const { id, evidenceId } = request.params;
      const evidence = await downloadEvidence(platform, signedInViewer(request), id, evidenceId);
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(evidence.file_name)}`)
        .header(`x-evidence-${evidence.hash_name}`, evidence.hash)
        .send(Buffer.from(evidence.content));
    },
  );

  api.get(
    '/api/v1/cases/:id/property',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: "The case's money-and-property ledger: each item, where it is, the totals and the balance",
        params: ZCaseIdParams,
        response: { 200: ZLedger },
      },
    },
    async (request) => getLedger(platform, signedInViewer(request), request.params.id),
  );

  api.post(
    '/api/v1/cases/:id/property',
    {
      config: { access: 'case.handle' },
      schema: {
        tags,
        summary: 'Register an item or record its movement or disposal (422 with the reason when the ledger refuses)',
        params: ZCaseIdParams,
        body: ZPropertyEntry,
        response: { 201: ZLedger },
      },
    },
    async (request, reply) => {
      const viewer = signedInViewer(request);
      await addLedgerEntry(platform, viewer, request.params.id, request.body);
      return reply.status(201).send(await getLedger(platform, viewer, request.params.id));
    },
  );
}
