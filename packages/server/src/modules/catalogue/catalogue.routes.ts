import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Platform } from '../../platform/platform.js';
import { actorFromRequest } from '../audit/index.js';
import { presentCatalogueEntry, presentMappingTemplate, presentSynonym } from './catalogue.presenter.js';
import {
  ZAddSynonym,
  ZCatalogueDataset,
  ZCatalogueList,
  ZCatalogueTypeParams,
  ZCreateDataset,
  ZMappingTemplate,
  ZPutTemplate,
  ZSynonym,
  ZSynonymParams,
  ZTemplateQuery,
} from './catalogue.schemas.js';
import { CatalogueService } from './catalogue.service.js';
import { getMappingTemplate, saveMappingTemplate } from './mapping-templates.service.js';

/** The merged catalogue, custom dataset types, extra synonyms and departments' mapping templates. */
export function registerCatalogueRoutes(app: FastifyInstance, services: Platform): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalogue'];
  const db = services.database.db;
  const catalogue = new CatalogueService(db);

  api.get(
    '/api/v1/catalogue/datasets',
    {
      config: { access: 'dataset.read' },
      schema: {
        tags,
        summary: 'Every dataset type, built-in and custom, with the synonyms administrators added',
        response: { 200: ZCatalogueList },
      },
    },
    async () => ({ items: (await catalogue.listEntries()).map(presentCatalogueEntry) }),
  );

  api.post(
    '/api/v1/catalogue/datasets',
    {
      config: { access: 'dataset.manage' },
      schema: {
        tags,
        summary: 'Define a dataset type (key x_…); its fields cannot change afterwards',
        body: ZCreateDataset,
        response: { 201: ZCatalogueDataset },
      },
    },
    async (request, reply) => {
      const entry = await catalogue.createDataset(actorFromRequest(request), request.body);
      return reply.status(201).send(presentCatalogueEntry(entry));
    },
  );

  api.post(
    '/api/v1/catalogue/datasets/:type/synonyms',
    {
      config: { access: 'dataset.manage' },
      schema: {
        tags,
        summary: 'Add a header synonym to a field of any dataset type; an ambiguous one is refused',
        params: ZCatalogueTypeParams,
        body: ZAddSynonym,
        response: { 201: ZSynonym },
      },
    },
    async (request, reply) => {
      const row = await catalogue.addSynonym(actorFromRequest(request), request.params.type, request.body);
      return reply.status(201).send(presentSynonym(row));
    },
  );

  api.delete(
    '/api/v1/catalogue/datasets/:type/synonyms/:id',
    {
      config: { access: 'dataset.manage' },
      schema: { tags, summary: 'Remove an added synonym', params: ZSynonymParams, response: { 200: ZSynonym } },
    },
    async (request) =>
      presentSynonym(await catalogue.removeSynonym(actorFromRequest(request), request.params.type, request.params.id)),
  );

  api.get(
    '/api/v1/catalogue/mapping-templates/:type',
    {
      config: { access: 'dataset.import' },
      schema: {
        tags,
        summary: "A department's saved mapping (header → field) for a dataset type",
        params: ZCatalogueTypeParams,
        querystring: ZTemplateQuery,
        response: { 200: ZMappingTemplate },
      },
    },
    async (request) =>
      presentMappingTemplate(await getMappingTemplate(db, request.params.type, request.query.department)),
  );

  api.put(
    '/api/v1/catalogue/mapping-templates/:type',
    {
      config: { access: 'dataset.import' },
      schema: {
        tags,
        summary: "Save a department's mapping for a dataset type; imports without a mapping use it",
        params: ZCatalogueTypeParams,
        querystring: ZTemplateQuery,
        body: ZPutTemplate,
        response: { 200: ZMappingTemplate },
      },
    },
    async (request) => {
      const row = await saveMappingTemplate(
        db,
        actorFromRequest(request),
        request.params.type,
        request.query.department,
        request.body,
      );
      return presentMappingTemplate(row);
    },
  );
}
