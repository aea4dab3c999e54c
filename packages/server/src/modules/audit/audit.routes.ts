import { Readable } from 'node:stream';
import { watermarkText } from '@qingfeng/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.js';
import { requireAuth } from '../../http/access-control.js';
import { actorFromRequest, recordAudit } from './audit.service.js';
import { auditCsvHeader, auditCsvLine, presentAuditEntry } from './audit.presenter.js';
import { AuditRepository } from './audit.repository.js';
import { ZAuditPage, ZAuditQuery } from './audit.schemas.js';

export function registerAuditRoutes(app: FastifyInstance, services: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const db = services.database.db;

  api.get(
    '/api/v1/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit trail',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { page, pageSize, ...rest } = request.query;
      const filter = { ...rest, jurisdictionPrefix: auth.jurisdictionPrefix };
      const repository = new AuditRepository(db);
      const [total, rows] = await Promise.all([
        repository.countEntries(filter),
        repository.findEntries(filter, pageSize, (page - 1) * pageSize),
      ]);
      // Reading the trail is itself recorded: auditors are audited too.
      await recordAudit(db, actorFromRequest(request), { action: 'audit.search', detail: { ...rest, page } });
      return { items: rows.map(presentAuditEntry), total, page, pageSize };
    },
  );

  api.get(
    '/api/v1/audit/export',
    {
      config: { access: 'audit.export' },
      schema: { tags: ['audit'], summary: 'Export matching audit entries as CSV', querystring: ZAuditQuery },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { page: _page, pageSize: _pageSize, ...rest } = request.query;
      const filter = { ...rest, jurisdictionPrefix: auth.jurisdictionPrefix };
      await recordAudit(db, actorFromRequest(request), { action: 'audit.export', detail: rest });
      const rows = new AuditRepository(db).streamEntries(filter);
      const watermark = watermarkText(auth, services.clock.now());
      async function* lines() {
        yield `\uFEFF${auditCsvHeader()}`; // BOM so Excel opens the Chinese text as UTF-8.
        for await (const row of rows) yield auditCsvLine(row, watermark);
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit.csv"')
        .send(Readable.from(lines()));
    },
  );
}
