import type { APIRequestContext, Page } from 'playwright-core';
import { strongPassword } from './console-actions.js';
import type { RunningServer } from './server.js';

/** A staff member a test needs: their role and, unless the root commission, their organisation's id. */
export interface StaffMember {
  username: string;
  displayName: string;
  role: string;
  orgId?: number;
}

/** A user who signs in with `password` straight to the home page (no forced change left). */
export interface SeededUser {
  username: string;
  role: string;
  password: string;
}

/** The first system administrator's password once a test has replaced the one printed at start. */
const adminPasswords = new WeakMap<RunningServer, string>();

/** Calls the API with the browser context's cookies (not the page's), failing on any refusal. */
async function call(request: APIRequestContext, method: 'GET' | 'POST', path: string, body?: object) {
  let headers: Record<string, string> = {};
  if (method !== 'GET' && !path.endsWith('/sign-in')) {
    const me = await request.get('/api/v1/auth/me');
    headers = { 'x-csrf-token': ((await me.json()) as { csrfToken: string }).csrfToken };
  }
  const response = await request.fetch(path, { method, headers, ...(body ? { data: body } : {}) });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Signs in through the API and, for a one-time password, replaces it as the console makes one do; returns the password now valid. */
async function signInReplacing(request: APIRequestContext, username: string, password: string, temporary: boolean) {
  await call(request, 'POST', '/api/v1/auth/sign-in', { username, password });
  if (!temporary) return password;
  const next = strongPassword();
  await call(request, 'POST', '/api/v1/auth/password', { currentPassword: password, newPassword: next });
  return next;
}

/**
 * The people a browser test works as, set up without the screens the test is not about: as
 * the first system administrator, creates each member (in the root commission unless an
 * organisation is named) through the API, then replaces each one-time password as its owner
 * would. The page is left signed out. Returns the users by username, the system
 * administrator among them, each ready for `signInAs`.
 */
export async function seedStaff<const U extends string>(
  page: Page,
  server: RunningServer,
  staff: readonly (StaffMember & { username: U })[],
): Promise<Record<U | 'sysadmin', SeededUser>> {
  const request = page.context().request;
  const known = adminPasswords.get(server);
  const admin = await signInReplacing(request, 'sysadmin', known ?? server.passwords.sysadmin, known === undefined);
  adminPasswords.set(server, admin);
  const { tree } = (await call(request, 'GET', '/api/v1/organisations?view=tree')) as { tree: { id: number }[] };
  const root = tree[0]?.id;
  if (root === undefined) throw new Error('no root organisation');
  const temporary = new Map<string, string>();
  for (const member of staff) {
    const created = await call(request, 'POST', '/api/v1/users', { ...member, orgId: member.orgId ?? root });
    temporary.set(member.username, String(created.temporaryPassword));
  }
  await call(request, 'POST', '/api/v1/auth/sign-out');
  const users = { sysadmin: { username: 'sysadmin', role: 'sys_admin', password: admin } } as Record<
    U | 'sysadmin',
    SeededUser
  >;
  for (const member of staff) {
    const password = await signInReplacing(request, member.username, temporary.get(member.username) as string, true);
    await call(request, 'POST', '/api/v1/auth/sign-out');
    users[member.username] = { username: member.username, role: member.role, password };
  }
  return users;
}
