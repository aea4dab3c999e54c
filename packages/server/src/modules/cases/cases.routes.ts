import type { Role } from '@qingfeng/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { CaseServices } from './case-events.js';
import { ZOverdueQuery } from '../../http/overdue-paging.js';
import { signedInViewer } from '../audit/index.js';
import { ZAddedSubject, listColleagues } from '../clues/index.js';
import { takeCaseStep } from './case-steps.service.js';
import { addCaseSubject } from './case-subjects.service.js';
import {
  ZCaseDetail,
  ZCaseIdParams,
  ZCasePage,
  ZCaseQuery,
  ZCaseStepBody,
  ZOverdueCasePage,
  ZProposeCase,
} from './cases.schemas.js';
import {
  declareRecusal,
  findCaseOfClue,
  getCaseDetail,
  lookAtCase,
  listCases,
  listOverdueCases,
  proposeCaseDirectly,
} from './cases.service.js';

/** Who a filing assigns as investigators and a trial as reviewers. */
const CASE_STAFF_ROLES: Role[] = ['investigation', 'trial'];

/** Cases (审查调查 → 审理 → 处分) inside the user's jurisdiction: registry, detail with timeline, steps, overdue. */
export function registerCaseRoutes(app: FastifyInstance, platform: CaseServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  api.get(
    '/api/v1/cases',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: 'The case registry in your jurisdiction, newest first, by keyset (before = the last id seen)',
        querystring: ZCaseQuery,
        response: { 200: ZCasePage },
      },
    },
    async (request) => listCases(platform, signedInViewer(request), request.query),
  );

  api.get(
    '/api/v1/cases/overdue',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary:
          "Cases in your jurisdiction past their running deadline, the earliest deadline first (ties by id), by keyset: after = a page's nextCursor, before = its prevCursor",
        querystring: ZOverdueQuery,
        response: { 200: ZOverdueCasePage },
      },
    },
    async (request) => listOverdueCases(platform, signedInViewer(request), request.query),
  );

  api.get(
    '/api/v1/cases/staff',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: 'Investigators and trial staff of your jurisdiction, whom a filing or a trial assigns',
        response: {
          200: z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), role: z.string() })) }),
        },
      },
    },
    async (request) => listColleagues(platform, signedInViewer(request), CASE_STAFF_ROLES),
  );

  api.get(
    '/api/v1/cases/by-clue/:id',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: 'The case a clue led to (null when none you may open)',
        params: ZCaseIdParams,
        response: { 200: z.object({ caseId: z.number().nullable() }) },
      },
    },
    async (request) => findCaseOfClue(platform, signedInViewer(request), request.params.id),
  );

  api.post(
    '/api/v1/cases',
    {
      config: { access: 'case.handle' },
      schema: {
        tags,
        summary: 'Propose a case for filing directly, not from a clue',
        body: ZProposeCase,
        response: { 201: ZCaseDetail },
      },
    },
    async (request, reply) => {
      const viewer = signedInViewer(request);
      const id = await proposeCaseDirectly(platform, viewer, request.body);
      return reply.status(201).send(await getCaseDetail(platform, viewer, id));
    },
  );

  api.get(
    '/api/v1/cases/:id',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary:
          'One case: facts, subjects (masked), measures, evidence, dispositions, timeline, the steps you may take; each look is audited',
        params: ZCaseIdParams,
        response: { 200: ZCaseDetail },
      },
    },
    async (request) => lookAtCase(platform, signedInViewer(request), request.params.id),
  );

  api.post(
    '/api/v1/cases/:id/steps',
    {
      // Leaders approve with case.read, the trial office acts with trial.handle: the core checks each step's own permission.
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: "Take one step of the procedure (409 or 422 with the core's reason when refused)",
        params: ZCaseIdParams,
        body: ZCaseStepBody,
        response: { 200: ZCaseDetail },
      },
    },
    async (request) => {
      const viewer = signedInViewer(request);
      await takeCaseStep(platform, viewer, request.params.id, request.body);
      return getCaseDetail(platform, viewer, request.params.id);
    },
  );

  api.post(
    '/api/v1/cases/:id/recusal',
    {
      config: { access: 'case.read' },
      schema: {
        tags,
        summary: 'Declare your own conflict of interest: from then on you cannot open the case',
        params: ZCaseIdParams,
        body: z.strictObject({ reason: z.string().trim().min(1).max(2000) }),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await declareRecusal(platform, signedInViewer(request), request.params.id, request.body.reason);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/v1/cases/:id/subjects',
    {
      config: { access: 'case.handle' },
      schema: {
        tags,
        summary:
          'Add a person (identity number checked by GB 11643) or a unit to an open case; 409 with the reason in both languages when it already names them',
        params: ZCaseIdParams,
        body: ZAddedSubject,
        // No body: a handler the new subject recuses (kinship) may no longer open the case.
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await addCaseSubject(platform, signedInViewer(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );
}
