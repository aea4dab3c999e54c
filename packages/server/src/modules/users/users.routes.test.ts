import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password-hasher.js';
import { buildSession } from '../../testing/factories.js';
import { buildActor, buildJurisdictions } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import type { ErrorBody } from '../../http/error-handler.js';
import type { TUser } from './users.schemas.js';

type Created = { user: TUser; temporaryPassword: string };
type Page = { items: TUser[]; total: number };

describe.each(testEngines())('users API on %s', (engine) => {
  let platform: TestPlatform;
  let world: Awaited<ReturnType<typeof buildJurisdictions>>;

  beforeAll(async () => {
    platform = await createTestPlatform(engine);
    world = await buildJurisdictions(platform.services);
  });
  afterAll(async () => platform?.close());

  const db = () => platform.services.database.db;

  async function createUser(headers: Record<string, string>, body: Record<string, unknown>) {
    return platform.app.inject({ method: 'POST', url: '/api/v1/users', headers, payload: body });
  }

  async function auditRows(action: string, objectId: number | string) {
    return db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', action)
      .where('object_id', '=', String(objectId))
      .execute();
  }

  let nameCounter = 0;
  const username = () => `u${Date.now().toString(36)}${++nameCounter}`;

  it('creates a user with a temporary password shown once, which must be changed', async () => {
    const name = username();
    const response = await createUser(world.adminA.session.headers, {
      username: name,
      displayName: '王小明',
      orgId: world.countyA.id,
      role: 'investigation',
    });
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<Created>();
    expect(body.user).toMatchObject({ username: name, role: 'investigation', mustChangePassword: true, phone: null });
    expect(body.temporaryPassword).toMatch(/^.{16}$/);

    const stored = await db().selectFrom('users').selectAll().where('username', '=', name).executeTakeFirstOrThrow();
    expect(stored.password_hash).not.toContain(body.temporaryPassword);
    expect(await verifyPassword(stored.password_hash, body.temporaryPassword)).toBe(true);
    const history = await db().selectFrom('password_history').selectAll().where('user_id', '=', stored.id).execute();
    expect(history).toHaveLength(1);
    expect(await auditRows('user.create', stored.id)).toHaveLength(1);

    // The password never appears again, and the new user can do nothing before changing it.
    const again = await platform.app.inject({
      url: `/api/v1/users/${stored.id}`,
      headers: world.adminA.session.headers,
    });
    expect(again.body).not.toContain(body.temporaryPassword);
    const session = await buildSession(platform.services, stored);
    const blocked = await platform.app.inject({ url: '/api/v1/organisations', headers: session.headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<ErrorBody>().code).toBe('password_change_required');
  });

  it('encrypts phone numbers at rest and shows them masked', async () => {
    const name = username();
    const response = await createUser(world.adminA.session.headers, {
      username: name,
      displayName: '李四',
      orgId: world.countyA.id,
      role: 'supervision',
      phone: '13812345678',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json<Created>().user.phone).toBe('138****5678');
    const stored = await db().selectFrom('users').selectAll().where('username', '=', name).executeTakeFirstOrThrow();
    expect(stored.phone_enc).toBeTruthy();
    expect(stored.phone_enc).not.toContain('13812345678');
    expect(platform.services.fieldCrypto.decrypt(stored.phone_enc as string)).toBe('13812345678');
    expect(stored.phone_hash).toBe(platform.services.fieldCrypto.blindIndex('13812345678'));

    const list = await platform.app.inject({ url: `/api/v1/users?q=${name}`, headers: world.adminA.session.headers });
    expect(list.json<Page>().items[0]?.phone).toBe('138****5678');
    expect(list.body).not.toContain('13812345678');
  });

  it('returns a whole phone number only for a stated reason, and audits the read', async () => {
    const created = await createUser(world.adminA.session.headers, {
      username: username(),
      displayName: '赵六',
      orgId: world.countyA.id,
      role: 'trial',
      phone: '13900001111',
    });
    const id = created.json<Created>().user.id;
    const noReason = await platform.app.inject({
      url: `/api/v1/users/${id}/phone`,
      headers: world.adminA.session.headers,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<ErrorBody>().field).toBe('querystring.reason');
    expect(await auditRows('user.phone.read', id)).toHaveLength(0);

    const read = await platform.app.inject({
      url: `/api/v1/users/${id}/phone?reason=${encodeURIComponent('核实联系方式')}`,
      headers: world.adminA.session.headers,
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ phone: '13900001111' });
    const [entry] = await auditRows('user.phone.read', id);
    expect(entry?.reason).toBe('核实联系方式');
    expect(entry?.user_id).toBe(world.adminA.user.id);
    expect(entry?.subject).toBe('赵*');
  });

  it('keeps a county administrator out of a sibling county, answering 404', async () => {
    const inB = await createUser(world.adminB.session.headers, {
      username: username(),
      displayName: '钱七',
      orgId: world.countyB.id,
      role: 'supervision',
      phone: '13700002222',
    });
    const id = inB.json<Created>().user.id;
    const a = world.adminA.session.headers;
    const ownUser = (await buildActor(platform.services, 'leader', world.countyA)).user;

    const list = await platform.app.inject({ url: '/api/v1/users?pageSize=200', headers: a });
    const ids = (list.json<Page>().items as { id: number; org: { divisionCode: string } }[]).map((u) => u.id);
    expect(ids).not.toContain(id);
    expect(ids).toContain(world.adminA.user.id);
    for (const u of list.json<Page>().items as { org: { divisionCode: string } }[]) {
      expect(u.org.divisionCode.startsWith(`${world.prefix}01`)).toBe(true);
    }
    const byOrg = await platform.app.inject({ url: `/api/v1/users?orgId=${world.countyB.id}`, headers: a });
    expect(byOrg.json<Page>().total).toBe(0);

    const attempts = [
      platform.app.inject({ url: `/api/v1/users/${id}`, headers: a }),
      platform.app.inject({ method: 'PATCH', url: `/api/v1/users/${id}`, headers: a, payload: { displayName: 'x' } }),
      platform.app.inject({ method: 'POST', url: `/api/v1/users/${id}/reset-password`, headers: a, payload: {} }),
      platform.app.inject({ method: 'POST', url: `/api/v1/users/${id}/unlock`, headers: a, payload: {} }),
      platform.app.inject({ url: `/api/v1/users/${id}/phone?reason=check`, headers: a }),
      createUser(a, { username: username(), displayName: 'x', orgId: world.countyB.id, role: 'trial' }),
      // Moving a user of one's own county into the sibling county is refused as well.
      platform.app.inject({
        method: 'PATCH',
        url: `/api/v1/users/${ownUser.id}`,
        headers: a,
        payload: { orgId: world.countyB.id },
      }),
    ];
    for (const response of await Promise.all(attempts)) expect(response.statusCode, response.body).toBe(404);
    expect(await auditRows('user.phone.read', id)).toHaveLength(0);

    // The city administrator sees both counties.
    const city = await platform.app.inject({ url: `/api/v1/users/${id}`, headers: world.cityAdmin.session.headers });
    expect(city.statusCode).toBe(200);
  });

  it('refuses to create or assign the separated administrator roles over the API', async () => {
    const a = world.adminA.session.headers;
    for (const role of ['sys_admin', 'sec_admin', 'auditor']) {
      const response = await createUser(a, { username: username(), displayName: 'x', orgId: world.countyA.id, role });
      expect(response.statusCode).toBe(403);
      expect(response.json<ErrorBody>().code).toBe('separated_role');
    }
    const plain = await createUser(a, {
      username: username(),
      displayName: 'x',
      orgId: world.countyA.id,
      role: 'leader',
    });
    const promote = await platform.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${plain.json<Created>().user.id}`,
      headers: a,
      payload: { role: 'auditor' },
    });
    expect(promote.statusCode).toBe(403);
    expect(promote.json<ErrorBody>().code).toBe('separated_role');

    const secAdmin = await buildActor(platform.services, 'sec_admin', world.countyA);
    const url = `/api/v1/users/${secAdmin.user.id}`;
    const demote = await platform.app.inject({ method: 'PATCH', url, headers: a, payload: { role: 'leader' } });
    const disable = await platform.app.inject({ method: 'PATCH', url, headers: a, payload: { disabled: true } });
    const reset = await platform.app.inject({ method: 'POST', url: `${url}/reset-password`, headers: a, payload: {} });
    for (const response of [demote, disable, reset]) {
      expect(response.statusCode).toBe(403);
      expect(response.json<ErrorBody>().code).toBe('separated_role');
    }
    const rename = await platform.app.inject({
      method: 'PATCH',
      url,
      headers: a,
      payload: { displayName: '安全员甲' },
    });
    expect(rename.statusCode).toBe(200);
  });

  it('does not let an administrator change their own role or disable themselves', async () => {
    const self = await buildActor(platform.services, 'sys_admin', world.countyA);
    const url = `/api/v1/users/${self.user.id}`;
    for (const payload of [{ role: 'leader' }, { disabled: true }]) {
      const response = await platform.app.inject({ method: 'PATCH', url, headers: self.session.headers, payload });
      expect(response.statusCode).toBe(403);
      expect(response.json<ErrorBody>().code).toBe('self_change_refused');
    }
  });

  it('changes a user, ends their sessions when disabled, and audits each change', async () => {
    const a = world.adminA.session.headers;
    const created = await createUser(a, {
      username: username(),
      displayName: '孙八',
      orgId: world.countyA.id,
      role: 'leader',
    });
    const id = created.json<Created>().user.id;
    const stored = await db().selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await db().updateTable('users').set({ must_change_password: false }).where('id', '=', id).execute();
    const session = await buildSession(platform.services, stored);

    const update = await platform.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: a,
      payload: { displayName: '孙八八', role: 'supervision', phone: '0571-88886666' },
    });
    expect(update.statusCode, update.body).toBe(200);
    expect(update.json()).toMatchObject({ displayName: '孙八八', role: 'supervision', phone: '057******6666' });
    const [updateEntry] = await auditRows('user.update', id);
    expect(updateEntry?.detail).toMatchObject({
      changed: ['displayName', 'role', 'phone'],
      role: { from: 'leader', to: 'supervision' },
    });

    const disable = await platform.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${id}`,
      headers: a,
      payload: { disabled: true },
    });
    expect(disable.json<TUser>().disabled).toBe(true);
    expect(await auditRows('user.disable', id)).toHaveLength(1);
    const after = await platform.app.inject({ url: '/api/v1/organisations', headers: session.headers });
    expect(after.statusCode).toBe(401);

    const disabledList = await platform.app.inject({ url: '/api/v1/users?disabled=true&pageSize=200', headers: a });
    expect((disabledList.json<Page>().items as { id: number }[]).map((u) => u.id)).toContain(id);
  });

  it('resets a password to a new temporary one and revokes the sessions', async () => {
    const a = world.adminA.session.headers;
    const created = await createUser(a, {
      username: username(),
      displayName: '周九',
      orgId: world.countyA.id,
      role: 'trial',
    });
    const id = created.json<Created>().user.id;
    await db()
      .updateTable('users')
      .set({ must_change_password: false, failed_attempts: 5, locked_until: new Date(Date.now() + 600_000) })
      .where('id', '=', id)
      .execute();
    const user = await db().selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const session = await buildSession(platform.services, user);

    const locked = await platform.app.inject({ url: `/api/v1/users/${id}`, headers: a });
    expect(locked.json<TUser>().locked).toBe(true);

    const reset = await platform.app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/reset-password`,
      headers: a,
      payload: {},
    });
    expect(reset.statusCode, reset.body).toBe(200);
    const { temporaryPassword, user: presented } = reset.json<Created>();
    expect(presented).toMatchObject({ mustChangePassword: true, locked: false });
    expect(temporaryPassword).not.toBe(created.json<Created>().temporaryPassword);
    const stored = await db().selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(await verifyPassword(stored.password_hash, temporaryPassword)).toBe(true);
    const history = await db().selectFrom('password_history').select('id').where('user_id', '=', id).execute();
    expect(history).toHaveLength(2);
    expect((await platform.app.inject({ url: '/api/v1/organisations', headers: session.headers })).statusCode).toBe(
      401,
    );
    const [entry] = await auditRows('user.reset_password', id);
    expect(entry?.detail).toMatchObject({ sessionsRevoked: 1 });
  });

  it('unlocks a locked user', async () => {
    const a = world.adminA.session.headers;
    const created = await createUser(a, {
      username: username(),
      displayName: '吴十',
      orgId: world.countyA.id,
      role: 'trial',
    });
    const id = created.json<Created>().user.id;
    await db()
      .updateTable('users')
      .set({ failed_attempts: 5, locked_until: new Date(Date.now() + 600_000) })
      .where('id', '=', id)
      .execute();
    const unlock = await platform.app.inject({
      method: 'POST',
      url: `/api/v1/users/${id}/unlock`,
      headers: a,
      payload: {},
    });
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json<TUser>().locked).toBe(false);
    expect(await auditRows('user.unlock', id)).toHaveLength(1);
  });

  it('names the field of a malformed request', async () => {
    const a = world.adminA.session.headers;
    const badName = await createUser(a, { username: '1', displayName: 'x', orgId: world.countyA.id, role: 'trial' });
    expect(badName.statusCode).toBe(400);
    expect(badName.json<ErrorBody>().field).toBe('body.username');
    const badPhone = await createUser(a, {
      username: username(),
      displayName: 'x',
      orgId: world.countyA.id,
      role: 'trial',
      phone: '12345',
    });
    expect(badPhone.json<ErrorBody>().field).toBe('body.phone');
    const badRole = await platform.app.inject({ url: '/api/v1/users?role=king', headers: a });
    expect(badRole.json<ErrorBody>().field).toBe('querystring.role');
  });

  it('refuses a taken username with 409', async () => {
    const a = world.adminA.session.headers;
    const name = username();
    await createUser(a, { username: name, displayName: 'x', orgId: world.countyA.id, role: 'trial' });
    const again = await createUser(a, { username: name, displayName: 'y', orgId: world.countyA.id, role: 'trial' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'username_taken', field: 'username' });
  });
});
