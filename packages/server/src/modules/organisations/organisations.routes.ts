import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Organisation } from '../../db/schema.js';
import type { Platform } from '../../platform/platform.js';
import { registerDivisionRoutes } from './divisions.routes.js';
import { OrganisationImportService } from './organisation-import.service.js';
import { presentOrganisation, presentOrganisationTree } from './organisations.presenter.js';
import {
  ZCreateOrganisation,
  ZImportRejected,
  ZImportResult,
  ZOrganisation,
  ZOrganisationId,
  ZOrganisationList,
  ZOrganisationQuery,
  ZUpdateOrganisation,
} from './organisations.schemas.js';
import { OrganisationsService } from './organisations.service.js';
import { findPlaceNames } from './place-names.js';
import { scopeFromRequest } from './scope.js';
import { readUploadedFile, replyWithImport } from './upload.js';

/** Organisations (commissions, offices, supervised units) and the division catalogue. */
export function registerOrganisationRoutes(app: FastifyInstance, services: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const organisations = new OrganisationsService(services.database.db);
  // One read of the division register per response, however many organisations it lists.
  const placesOf = (rows: readonly Organisation[]) =>
    findPlaceNames(
      services.database.db,
      rows.map((r) => r.division_code),
    );
  const presented = async (row: Organisation) => presentOrganisation(row, await placesOf([row]));
  const tags = ['organisations'];

  api.get(
    '/api/v1/organisations',
    {
      config: { access: 'org.read' },
      schema: {
        tags,
        summary: 'Organisations within your jurisdiction, as a list or a tree',
        querystring: ZOrganisationQuery,
        response: { 200: ZOrganisationList },
      },
    },
    async (request) => {
      const { view, ...filter } = request.query;
      const rows = await organisations.listOrganisations(scopeFromRequest(request), filter);
      const places = await placesOf(rows);
      return view === 'tree'
        ? { tree: presentOrganisationTree(rows, places), total: rows.length }
        : { items: rows.map((row) => presentOrganisation(row, places)), total: rows.length };
    },
  );

  api.get(
    '/api/v1/organisations/:id',
    {
      config: { access: 'org.read' },
      schema: { tags, summary: 'One organisation', params: ZOrganisationId, response: { 200: ZOrganisation } },
    },
    async (request) => presented(await organisations.getOrganisation(scopeFromRequest(request), request.params.id)),
  );

  api.post(
    '/api/v1/organisations',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: 'Create an organisation (a commission comes with its standard offices)',
        body: ZCreateOrganisation,
        response: { 201: ZOrganisation },
      },
    },
    async (request, reply) => {
      const created = await organisations.createOrganisation(scopeFromRequest(request), request.body);
      return reply.status(201).send(await presented(created));
    },
  );

  api.patch(
    '/api/v1/organisations/:id',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: 'Change an organisation',
        params: ZOrganisationId,
        body: ZUpdateOrganisation,
        response: { 200: ZOrganisation },
      },
    },
    async (request) =>
      presented(await organisations.updateOrganisation(scopeFromRequest(request), request.params.id, request.body)),
  );

  api.post(
    '/api/v1/organisations/import',
    {
      config: { access: 'org.manage' },
      schema: {
        tags,
        summary: 'Import an organisation tree from CSV (UTF-8 or GBK); all rows or none',
        consumes: ['multipart/form-data'],
        response: { 200: ZImportResult, 422: ZImportRejected },
      },
    },
    async (request, reply) => {
      const scope = scopeFromRequest(request);
      const { bytes, fileName } = await readUploadedFile(request);
      return replyWithImport(reply, () =>
        new OrganisationImportService(services.database.db).importOrganisations(scope, bytes, { fileName }),
      );
    },
  );

  registerDivisionRoutes(app, services);
}
