import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.js';
import { requireAuth } from '../../http/access-control.js';
import { ZCaseStatistics } from './case-statistics.schemas.js';
import { getCaseStatistics } from './case-statistics.service.js';
import { ZClueStatistics, ZClueStatisticsQuery } from './clue-statistics.schemas.js';
import { getClueStatistics } from './clue-statistics.service.js';
import { ZOverview } from './statistics.schemas.js';
import { getOverview } from './statistics.service.js';

/** Statistics (统计): the leader's overview, the clue and the case figures, every figure inside the viewer's jurisdiction. */
export function registerStatisticsRoutes(app: FastifyInstance, platform: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/statistics/overview',
    {
      config: { access: 'dashboard.read' },
      schema: {
        tags: ['statistics'],
        summary:
          'The overview: open warnings by severity, status, category and town, monthly trend, overdue, most confirmed places, data freshness',
        response: { 200: ZOverview },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return getOverview(platform, { jurisdictionPrefix: auth.jurisdictionPrefix, permissions: auth.permissions });
    },
  );

  api.get(
    '/api/v1/statistics/clues',
    {
      config: { access: 'clue.read' },
      schema: {
        tags: ['statistics'],
        summary:
          'Clues by state, source, problem type, town, office and first-form outcome; stays per state; overdue rate; monthly trend',
        querystring: ZClueStatisticsQuery,
        response: { 200: ZClueStatistics },
      },
    },
    async (request) => getClueStatistics(platform, requireAuth(request), request.query),
  );

  api.get(
    '/api/v1/statistics/cases',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['statistics'],
        summary:
          'Cases by state, stays per state, overdue rate; people by disposition and by the four forms; money and property by place',
        response: { 200: ZCaseStatistics },
      },
    },
    async (request) => getCaseStatistics(platform, requireAuth(request).jurisdictionPrefix),
  );
}
