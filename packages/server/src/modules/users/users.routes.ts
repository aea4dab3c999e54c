import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuthServices } from '../auth/index.js';
import { scopeFromRequest } from '../organisations/index.js';
import { presentUser } from './users.presenter.js';
import {
  ZCreateUser,
  ZPhoneReadQuery,
  ZUpdateUser,
  ZUser,
  ZUserId,
  ZUserPage,
  ZUserPhone,
  ZUserQuery,
  ZUserWithPassword,
} from './users.schemas.js';
import { UsersService } from './users.service.js';

/** User administration for the system administrator, within their jurisdiction. */
export function registerUserRoutes(app: FastifyInstance, services: AuthServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const users = new UsersService(services);
  const present = (row: Parameters<typeof presentUser>[0]) =>
    presentUser(row, services.fieldCrypto, services.clock.now());
  const tags = ['users'];

  api.get(
    '/api/v1/users',
    {
      config: { access: 'user.read' },
      schema: {
        tags,
        summary: 'Users within your jurisdiction',
        querystring: ZUserQuery,
        response: { 200: ZUserPage },
      },
    },
    async (request) => {
      const { rows, total } = await users.listUsers(scopeFromRequest(request), request.query);
      return { items: rows.map(present), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );

  api.get(
    '/api/v1/users/:id',
    {
      config: { access: 'user.read' },
      schema: { tags, summary: 'One user', params: ZUserId, response: { 200: ZUser } },
    },
    async (request) => present(await users.getUser(scopeFromRequest(request), request.params.id)),
  );

  api.post(
    '/api/v1/users',
    {
      config: { access: 'user.manage' },
      schema: {
        tags,
        summary: 'Create a user; the temporary password is returned this once',
        body: ZCreateUser,
        response: { 201: ZUserWithPassword },
      },
    },
    async (request, reply) => {
      const { user, temporaryPassword } = await users.createUser(scopeFromRequest(request), request.body);
      return reply.status(201).send({ user: present(user), temporaryPassword });
    },
  );

  api.patch(
    '/api/v1/users/:id',
    {
      config: { access: 'user.manage' },
      schema: { tags, summary: 'Change a user', params: ZUserId, body: ZUpdateUser, response: { 200: ZUser } },
    },
    async (request) => present(await users.updateUser(scopeFromRequest(request), request.params.id, request.body)),
  );

  api.post(
    '/api/v1/users/:id/reset-password',
    {
      config: { access: 'user.manage' },
      schema: {
        tags,
        summary: 'Give a user a new temporary password (returned this once) and end their sessions',
        params: ZUserId,
        response: { 200: ZUserWithPassword },
      },
    },
    async (request) => {
      const { user, temporaryPassword } = await users.resetPassword(scopeFromRequest(request), request.params.id);
      return { user: present(user), temporaryPassword };
    },
  );

  api.post(
    '/api/v1/users/:id/unlock',
    {
      config: { access: 'user.manage' },
      schema: { tags, summary: 'Lift a sign-in lock', params: ZUserId, response: { 200: ZUser } },
    },
    async (request) => present(await users.unlockUser(scopeFromRequest(request), request.params.id)),
  );

  api.get(
    '/api/v1/users/:id/phone',
    {
      config: { access: 'user.manage' },
      schema: {
        tags,
        summary: 'The whole phone number, for a stated reason (audited)',
        params: ZUserId,
        querystring: ZPhoneReadQuery,
        response: { 200: ZUserPhone },
      },
    },
    async (request) => ({
      phone: await users.readPhone(scopeFromRequest(request), request.params.id, request.query.reason),
    }),
  );
}
