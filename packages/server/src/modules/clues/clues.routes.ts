import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { signedInViewer } from '../audit/index.js';
import type { ClueServices } from './clue-events.js';
import { listRelatedClues, searchCluesBySubject } from './clue-related.service.js';
import { takeClueStep } from './clue-steps.service.js';
import { receiveClue, suggestWarningSubjects } from './clue-warning-subjects.service.js';
import { registerClueWarningRoutes } from './clue-warnings.routes.js';
import { registerClueDocumentRoutes } from './documents/clue-documents.routes.js';
import {
  ZClueDetail,
  ZClueIdParams,
  ZCluePage,
  ZClueQuery,
  ZOverduePage,
  ZOverdueQuery,
  ZClueSummary,
  ZProblemTypes,
  ZRegisterClue,
  ZRelatedClues,
  ZClueSearch,
  ZStepBody,
} from './clues.schemas.js';
import { ZWarningSubjects, ZWarningSubjectsQuery } from './clue-warning-subjects.schemas.js';
import {
  findClueOfWarning,
  getClueDetail,
  lookAtClue,
  listClues,
  listOverdueClues,
  listParticipants,
  listProblemTypes,
} from './clues.service.js';

/** Clues (问题线索) inside the user's jurisdiction: register, registry, detail with timeline, steps, overdue, documents. */
export function registerClueRoutes(app: FastifyInstance, platform: ClueServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['clues'];

  api.get(
    '/api/v1/clues',
    {
      config: { access: 'clue.read' },
      schema: {
        tags,
        summary: 'The clue registry in your jurisdiction, newest first, by keyset (before = the last id seen)',
        querystring: ZClueQuery,
        response: { 200: ZCluePage },
      },
    },
    async (request) => listClues(platform, signedInViewer(request), request.query),
  );

  api.get(
    '/api/v1/clues/overdue',
    {
      config: { access: 'clue.read' },
      schema: {
        tags,
        summary:
          'Clues in your jurisdiction past their running deadline, the earliest deadline first, by keyset (after/before = a cursor)',
        querystring: ZOverdueQuery,
        response: { 200: ZOverduePage },
      },
    },
    async (request) => listOverdueClues(platform, signedInViewer(request), request.query),
  );

  api.get(
    '/api/v1/clues/problem-types',
    {
      config: { access: 'clue.read' },
      schema: { tags, summary: 'The problem types a clue is filed under', response: { 200: ZProblemTypes } },
    },
    async () => listProblemTypes(platform),
  );

  api.get(
    '/api/v1/clues/participants',
    {
      // Leaders read it too: they reassign clues and recuse people, choosing from this list.
      config: { access: 'clue.read' },
      schema: {
        tags,
        summary: 'People of your jurisdiction who handle clues: triage participants, assignees, people to recuse',
        response: {
          200: z.object({ items: z.array(z.object({ id: z.number(), name: z.string(), role: z.string() })) }),
        },
      },
    },
    async (request) => listParticipants(platform, signedInViewer(request)),
  );

  api.post(
    '/api/v1/clues/search',
    {
      config: { access: 'clue.read' },
      schema: {
        tags,
        summary:
          'The clues in your jurisdiction naming a person, by identity number (the number goes in the body, never a URL)',
        body: ZClueSearch,
        response: { 200: z.object({ items: z.array(ZClueSummary) }) },
      },
    },
    async (request) => searchCluesBySubject(platform, signedInViewer(request), request.body.idNumber),
  );

  api.get(
    '/api/v1/clues/by-warning/:id',
    {
      config: { access: 'clue.read' },
      schema: {
        tags,
        summary: 'The clue a warning became or joined (null when none you may see)',
        params: ZClueIdParams,
        response: { 200: z.object({ clueId: z.number().nullable() }) },
      },
    },
    async (request) => findClueOfWarning(platform, signedInViewer(request), request.params.id),
  );

  api.get(
    '/api/v1/clues/warning-subjects',
    {
      config: { access: 'clue.handle' },
      schema: {
        tags,
        summary:
          'The people confirmed warnings of your jurisdiction name (masked), to confirm as subjects of the clue made of them',
        querystring: ZWarningSubjectsQuery,
        response: { 200: ZWarningSubjects },
      },
    },
    async (request) => suggestWarningSubjects(platform, signedInViewer(request), request.query.warningIds),
  );

  api.post(
    '/api/v1/clues',
    {
      config: { access: 'clue.handle' },
      schema: {
        tags,
        summary:
          "Receive a clue, from scratch or from confirmed warnings of your jurisdiction (warningSubjects: the warnings' people the handler confirms as subjects)",
        body: ZRegisterClue,
        response: { 201: ZClueDetail },
      },
    },
    async (request, reply) => {
      const viewer = signedInViewer(request);
      const id = await receiveClue(platform, viewer, request.body);
      return reply.status(201).send(await getClueDetail(platform, viewer, id));
    },
  );

  api.get(
    '/api/v1/clues/:id',
    {
      config: { access: 'clue.read' },
      schema: {
        tags,
        summary: 'One clue with its subjects (masked), timeline and the steps you may take; each look is audited',
        params: ZClueIdParams,
        response: { 200: ZClueDetail },
      },
    },
    async (request) => lookAtClue(platform, signedInViewer(request), request.params.id),
  );

  api.get(
    '/api/v1/clues/:id/related',
    {
      config: { access: 'clue.read' },
      schema: {
        tags,
        summary: 'Possible duplicates and related clues: the same person, unit, or model warning on the same subject',
        params: ZClueIdParams,
        response: { 200: ZRelatedClues },
      },
    },
    async (request) => listRelatedClues(platform, signedInViewer(request), request.params.id),
  );

  api.post(
    '/api/v1/clues/:id/steps',
    {
      // Approvals belong to leaders, who hold clue.read only: the core checks each step's own permission.
      config: { access: 'clue.read' },
      schema: {
        tags,
        summary:
          "Take one step of the procedure (409 or 422 with the core's reason when refused; 204 when it recused you)",
        params: ZClueIdParams,
        body: ZStepBody,
        response: { 200: ZClueDetail, 204: z.null() },
      },
    },
    async (request, reply) => {
      const viewer = signedInViewer(request);
      const { record } = await takeClueStep(platform, viewer, request.params.id, request.body);
      // Having declared a conflict, the viewer may no longer open the clue.
      if (record.recusedIds.includes(String(viewer.userId))) return reply.status(204).send(null);
      return getClueDetail(platform, viewer, request.params.id);
    },
  );

  registerClueWarningRoutes(app, platform);
  registerClueDocumentRoutes(app, platform);
}
