import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WarningServices } from './warning-services.js';
import { requireAuth } from '../../http/access-control.js';
import { viewerFromRequest } from './warning-viewer.js';
import { registerPeopleRoutes } from './people/people.routes.js';
import { modelStatistics } from './warning-stats.service.js';
import { exportWarnings } from './warning-export.js';
import type { WarningFilter } from './warnings.repository.js';
import {
  ZBulkChangeStatus,
  ZBulkResult,
  ZChangeStatus,
  ZDetailQuery,
  ZExportQuery,
  ZStats,
  ZStatsQuery,
  ZWarningDetail,
  ZWarningIdParams,
  ZWarningPage,
  ZWarningQuery,
  type WarningSortKey,
} from './warnings.schemas.js';
import { changeWarningStatus, getWarningDetail, listWarnings } from './warnings.service.js';

function filterOf(query: {
  modelId?: string;
  model?: string;
  severity?: WarningFilter['severity'];
  status?: WarningFilter['status'];
  category?: string;
  division?: string;
  retired: NonNullable<WarningFilter['retired']>;
  from?: string;
  to?: string;
}): WarningFilter {
  const modelId = query.modelId ?? query.model;
  return {
    ...(modelId ? { modelId } : {}),
    ...(query.severity ? { severity: query.severity } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.category ? { category: query.category } : {}),
    ...(query.division ? { division: query.division } : {}),
    retired: query.retired,
    ...(query.from ? { from: new Date(`${query.from}T00:00:00`) } : {}),
    // `to` is a calendar day included whole.
    ...(query.to ? { to: new Date(new Date(`${query.to}T00:00:00`).getTime() + 86_400_000) } : {}),
  };
}

/** Warnings (预警) inside the user's jurisdiction: list, detail with evidence, handling, statistics, export, live feed. */
export function registerWarningRoutes(app: FastifyInstance, services: WarningServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['warnings'];

  api.get(
    '/api/v1/warnings',
    {
      config: { access: 'warning.read' },
      schema: {
        tags,
        summary: 'Warnings in your jurisdiction, newest first unless sorted (sort=key or -key, from a fixed list)',
        querystring: ZWarningQuery,
        response: { 200: ZWarningPage },
      },
    },
    async (request) => {
      const { page, pageSize, sort, after, before } = request.query;
      const descending = sort.startsWith('-');
      const key = (descending ? sort.slice(1) : sort) as WarningSortKey;
      return listWarnings(services, viewerFromRequest(request), filterOf(request.query), {
        page,
        pageSize,
        sort: { key, descending },
        ...(after ? { after } : {}),
        ...(before ? { before } : {}),
      });
    },
  );

  api.get(
    '/api/v1/warnings/stats',
    {
      config: { access: 'warning.read' },
      schema: {
        tags,
        summary: 'Per model: hits, judgements, precision, monthly trend',
        querystring: ZStatsQuery,
        response: { 200: ZStats },
      },
    },
    async (request) => ({
      items: await modelStatistics(services, requireAuth(request).jurisdictionPrefix, request.query.model),
    }),
  );

  api.get(
    '/api/v1/warnings/export',
    {
      config: { access: 'warning.read' },
      schema: {
        tags,
        summary:
          'Export matching warnings with their subjects and evidence rows, masked as the detail view: JSON nested, CSV a line per evidence row',
        querystring: ZExportQuery,
      },
    },
    async (request, reply) => {
      const { format, lang } = request.query;
      const lines = exportWarnings(services, viewerFromRequest(request), filterOf(request.query), format, lang);
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="warnings.${format}"`)
        .send(Readable.from(lines));
    },
  );

  api.get(
    '/api/v1/warnings/:id',
    {
      config: { access: 'warning.read' },
      schema: {
        tags,
        summary: 'One warning with its evidence rows and explanation (give a reason to unmask, with person.read)',
        params: ZWarningIdParams,
        querystring: ZDetailQuery,
        response: { 200: ZWarningDetail },
      },
    },
    async (request) => getWarningDetail(services, viewerFromRequest(request), request.params.id, request.query.reason),
  );

  api.post(
    '/api/v1/warnings/:id/status',
    {
      config: { access: 'warning.handle' },
      schema: {
        tags,
        summary: 'Change the status of a warning (reason required for false_positive, not_actionable)',
        params: ZWarningIdParams,
        body: ZChangeStatus,
        response: { 200: ZWarningDetail },
      },
    },
    async (request) => {
      const viewer = viewerFromRequest(request);
      await changeWarningStatus(services, viewer, [request.params.id], request.body.status, request.body.reason);
      return getWarningDetail(services, viewer, request.params.id);
    },
  );

  api.post(
    '/api/v1/warnings/status',
    {
      config: { access: 'warning.handle' },
      schema: {
        tags,
        summary: 'Change the status of several warnings, all or none',
        body: ZBulkChangeStatus,
        response: { 200: ZBulkResult },
      },
    },
    async (request) => {
      const { ids, status, reason } = request.body;
      return { updated: await changeWarningStatus(services, viewerFromRequest(request), ids, status, reason) };
    },
  );

  registerPeopleRoutes(app, services);
}
