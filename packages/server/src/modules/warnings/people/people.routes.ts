import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { WarningServices } from '../warning-services.js';
import { viewerFromRequest } from '../warning-viewer.js';
import { getPerson, searchPeople } from './people.service.js';
import { ZPerson, ZPersonParams, ZPersonQuery, ZPersonSearch, ZPersonSearchResult } from './people.schemas.js';

/** A person's name and number are personal data, and their warnings are warnings: both permissions are needed. */
const ACCESS = ['warning.read', 'person.read'] as const;

/** People (人员) through their warnings: a search by name or identity number, and one person's page. */
export function registerPeopleRoutes(app: FastifyInstance, services: WarningServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];

  // POST, so the identity number searched for travels in the body, never in a URL a log or a browser history keeps.
  api.post(
    '/api/v1/people/search',
    {
      config: { access: ACCESS },
      schema: {
        tags,
        summary:
          'Find people in your jurisdiction by the beginning of their name or by identity number (blind index), masked; audited',
        body: ZPersonSearch,
        response: { 200: ZPersonSearchResult },
      },
    },
    async (request) => searchPeople(services, viewerFromRequest(request), request.body.q),
  );

  api.get(
    '/api/v1/people/:subjectKey',
    {
      config: { access: ACCESS },
      schema: {
        tags,
        summary:
          "A person's page: name, identity number (masked unless a reason is given), every warning naming them in your jurisdiction; audited",
        params: ZPersonParams,
        querystring: ZPersonQuery,
        response: { 200: ZPerson },
      },
    },
    async (request) => getPerson(services, viewerFromRequest(request), request.params.subjectKey, request.query.reason),
  );
}
