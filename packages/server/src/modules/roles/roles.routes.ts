import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type RoleServices } from './role-permissions.service.js';
import { scopeFromRequest } from '../organisations/index.js';
import { ZRole, ZRoleList, ZRoleParams, ZSecurityPolicies, ZSetPermissions } from './roles.schemas.js';
import { RolesService } from './roles.service.js';
import { SecurityPoliciesService } from './security-policies.service.js';

/** Roles and their permissions, and the security policies: the security administrator's desk. */
export function registerRoleRoutes(app: FastifyInstance, services: RoleServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const roles = new RolesService(services.database.db, services.rolePermissions);
  const policies = new SecurityPoliciesService(services.database.db);

  api.get(
    '/api/v1/roles',
    {
      config: { access: 'role.read' },
      schema: { tags: ['roles'], summary: 'Every role with its permissions', response: { 200: ZRoleList } },
    },
    async () => ({ items: await roles.listRoles() }),
  );

  api.put(
    '/api/v1/roles/:role/permissions',
    {
      config: { access: 'role.manage' },
      schema: {
        tags: ['roles'],
        summary: "Replace a business role's permissions",
        params: ZRoleParams,
        body: ZSetPermissions,
        response: { 200: ZRole },
      },
    },
    async (request) =>
      roles.setRolePermissions(scopeFromRequest(request), request.params.role, request.body.permissions),
  );

  api.get(
    '/api/v1/security-policies',
    {
      config: { access: 'policy.manage' },
      schema: { tags: ['security'], summary: 'The security policies', response: { 200: ZSecurityPolicies } },
    },
    async () => policies.getPolicies(),
  );

  api.put(
    '/api/v1/security-policies',
    {
      config: { access: 'policy.manage' },
      schema: {
        tags: ['security'],
        summary: 'Replace the security policies',
        body: ZSecurityPolicies,
        response: { 200: ZSecurityPolicies },
      },
    },
    async (request) => policies.setPolicies(scopeFromRequest(request), request.body),
  );
}
