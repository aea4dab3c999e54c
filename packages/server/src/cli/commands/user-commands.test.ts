import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../modules/auth/password-hasher.js';
import { runCommand } from '../../testing/cli-runner.js';
import { buildSession } from '../../testing/factories.js';
import { buildJurisdictions } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { CliError } from '../cli-error.js';
import { registerUserCommands } from './user-commands.js';

describe.each(testEngines())('qingfeng user commands on %s', (engine) => {
  let platform: TestPlatform;
  let world: Awaited<ReturnType<typeof buildJurisdictions>>;

  beforeAll(async () => {
    platform = await createTestPlatform(engine);
    world = await buildJurisdictions(platform.services);
  });
  afterAll(async () => platform?.close());

  const run = (...args: string[]) => runCommand(platform, registerUserCommands, args);
  const db = () => platform.services.database.db;
  const findUser = (username: string) =>
    db().selectFrom('users').selectAll().where('username', '=', username).executeTakeFirstOrThrow();

  it('adds a separated administrator, printing the temporary password once, audited as cli', async () => {
    const username = `sec${Date.now().toString(36)}`;
    const { out } = await run(
      'user',
      'add',
      username,
      '--name',
      '安全管理员乙',
      '--role',
      'sec_admin',
      '--org',
      world.countyA.code,
      '--phone',
      '13811112222',
    );
    const password = /Temporary password.*: (\S+)/.exec(out)?.[1];
    expect(password).toBeTruthy();
    const user = await findUser(username);
    expect(user).toMatchObject({ role: 'sec_admin', org_id: world.countyA.id, must_change_password: true });
    expect(await verifyPassword(user.password_hash, password as string)).toBe(true);
    expect(user.phone_enc).not.toContain('13811112222');
    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.create')
      .where('object_id', '=', String(user.id))
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ username: 'cli', user_id: null });
  });

  it('resets a password and disables a user, ending their sessions', async () => {
    const username = `ops${Date.now().toString(36)}`;
    const { out: first } = await run(
      'user',
      'add',
      username,
      '--name',
      '运维',
      '--role',
      'sys_admin',
      '--org',
      world.city.code,
    );
    const firstPassword = /: (\S+)\n$/.exec(first)?.[1];
    const user = await findUser(username);
    const session = await buildSession(platform.services, user);

    const { out } = await run('user', 'reset-password', username);
    const password = /: (\S+)\n$/.exec(out)?.[1] as string;
    expect(password).not.toBe(firstPassword);
    expect(await verifyPassword((await findUser(username)).password_hash, password)).toBe(true);
    expect((await platform.app.inject({ url: '/api/v1/users', headers: session.headers })).statusCode).toBe(401);

    await run('user', 'disable', username);
    expect((await findUser(username)).disabled).toBe(true);
    const actions = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('object_id', '=', String(user.id))
      .orderBy('id')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['user.create', 'user.reset_password', 'user.disable']);
  });

  it('fails with a clear message for an unknown role, organisation or user', async () => {
    await expect(
      run('user', 'add', 'abcde', '--name', 'x', '--role', 'king', '--org', world.city.code),
    ).rejects.toThrow(/Unknown role "king"/);
    await expect(run('user', 'add', 'abcde', '--name', 'x', '--role', 'leader', '--org', 'NOPE')).rejects.toThrow(
      CliError,
    );
    await expect(run('user', 'add', 'a', '--name', 'x', '--role', 'leader', '--org', world.city.code)).rejects.toThrow(
      /username/,
    );
    await expect(run('user', 'reset-password', 'nobody-here')).rejects.toThrow(/User nobody-here not found/);
    await expect(run('user', 'disable', 'nobody-here')).rejects.toThrow(CliError);
  });
});
