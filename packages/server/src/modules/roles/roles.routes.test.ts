import { ADMIN_ONLY_PERMISSIONS, DEFAULT_ROLE_PERMISSIONS } from '@qingfeng/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation } from '../../testing/factories.js';
import { buildActor, type TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { readTotpRequiredRoles } from './security-policies.service.js';
import type { ErrorBody } from '../../http/error-handler.js';
import type { TRole } from './roles.schemas.js';

describe.each(testEngines())('roles and security policies on %s', (engine) => {
  let platform: TestPlatform;
  let secAdmin: TestActor;
  let modelAnalyst: TestActor;

  beforeAll(async () => {
    platform = await createTestPlatform(engine);
    const org = await buildOrganisation(platform.services.database.db);
    secAdmin = await buildActor(platform.services, 'sec_admin', org);
    modelAnalyst = await buildActor(platform.services, 'model_analyst', org);
  });
  afterAll(async () => platform?.close());

  const put = (url: string, payload: unknown, headers = secAdmin.session.headers) =>
    platform.app.inject({ method: 'PUT', url, headers, payload: payload as object });

  it('lists every role with its labels, permissions and whether it is editable', async () => {
    const response = await platform.app.inject({ url: '/api/v1/roles', headers: secAdmin.session.headers });
    expect(response.statusCode).toBe(200);
    const items = response.json<{ items: unknown }>().items as {
      role: string;
      label: { zh: string };
      permissions: string[];
      editable: boolean;
    }[];
    expect(items).toHaveLength(12);
    const auditor = items.find((r) => r.role === 'auditor');
    expect(auditor).toMatchObject({ label: { zh: '安全审计员', en: 'Security auditor' }, editable: false });
    expect(new Set(auditor?.permissions)).toEqual(new Set(DEFAULT_ROLE_PERMISSIONS.auditor));
    expect(items.find((r) => r.role === 'leader')?.editable).toBe(true);
  });

  it("replaces a business role's permissions, takes effect at once, and audits the change", async () => {
    const response = await put('/api/v1/roles/model_analyst/permissions', {
      permissions: ['org.read', 'dataset.read', 'model.read', 'model.run', 'warning.read', 'dashboard.read'],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<TRole>().permissions).toContain('dashboard.read');
    expect(response.json<TRole>().permissions).not.toContain('model.manage');
    const held = await platform.services.rolePermissions.getPermissions('model_analyst');
    expect(held.has('dashboard.read')).toBe(true);
    expect(held.has('model.manage')).toBe(false);

    const entry = await platform.services.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'role.update_permissions')
      .where('object_id', '=', 'model_analyst')
      .executeTakeFirstOrThrow();
    expect(entry.detail).toEqual({ added: ['dashboard.read'], removed: ['model.manage'] });
    expect(entry.user_id).toBe(secAdmin.user.id);
  });

  it('refuses to edit a separated administrator or to grant administrator-only permissions', async () => {
    const separated = await put('/api/v1/roles/sys_admin/permissions', { permissions: ['org.read'] });
    expect(separated.statusCode).toBe(400);
    expect(separated.json<ErrorBody>()).toMatchObject({
      field: 'role',
      message:
        '系统管理员的权限由三员分立固定 / the permissions of the system administrator are fixed by the separation of duties',
    });
    for (const permission of ADMIN_ONLY_PERMISSIONS) {
      const response = await put('/api/v1/roles/leader/permissions', { permissions: ['org.read', permission] });
      expect(response.statusCode, permission).toBe(400);
      expect(response.json<ErrorBody>().field).toBe('permissions');
    }
    const unknownRole = await put('/api/v1/roles/king/permissions', { permissions: [] });
    expect(unknownRole.json<ErrorBody>().field).toBe('params.role');
    const unknownPermission = await put('/api/v1/roles/leader/permissions', { permissions: ['fly'] });
    expect(unknownPermission.statusCode).toBe(400);
    expect(unknownPermission.json<ErrorBody>().field).toMatch(/^body\.permissions/);
    const leader = await platform.services.rolePermissions.getPermissions('leader');
    expect(new Set(leader)).toEqual(new Set(DEFAULT_ROLE_PERMISSIONS.leader));
  });

  it('refuses role editing to anyone without role.manage', async () => {
    const response = await put('/api/v1/roles/leader/permissions', { permissions: [] }, modelAnalyst.session.headers);
    expect(response.statusCode).toBe(403);
  });

  it('stores the roles that must use TOTP as a JSON array the sign-in reads', async () => {
    const empty = await platform.app.inject({ url: '/api/v1/security-policies', headers: secAdmin.session.headers });
    expect(empty.json()).toEqual({ totpRequiredRoles: [], sensitiveQueryApproval: false });

    const set = await put('/api/v1/security-policies', { totpRequiredRoles: ['sys_admin', 'auditor', 'sys_admin'] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ totpRequiredRoles: ['sys_admin', 'auditor'], sensitiveQueryApproval: false });
    const db = platform.services.database.db;
    const row = await db
      .selectFrom('security_policies')
      .select([sql<string>`jsonb_typeof(value)`.as('type'), 'updated_by'])
      .where('key', '=', 'totp_required_roles')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ type: 'array', updated_by: secAdmin.user.id });
    expect(await readTotpRequiredRoles(db)).toEqual(['sys_admin', 'auditor']);
    const entry = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'policy.update')
      .executeTakeFirstOrThrow();
    expect(entry.detail).toEqual({ from: [], to: ['sys_admin', 'auditor'] });

    const bad = await put('/api/v1/security-policies', { totpRequiredRoles: ['wizard'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().field).toMatch(/^body\.totpRequiredRoles/);
  });
});
