import { checkPasswordPolicy, type Role, SEPARATED_ADMIN_ROLES } from '@qingfeng/core';
import { ForbiddenError } from '../../http/errors.js';
import { generateTemporaryPassword } from '../../security/random-password.js';
import type { Scope } from '../organisations/index.js';
import type { TUpdateUser } from './users.schemas.js';

const SEPARATED_MESSAGE =
  'The separated administrator roles (sys_admin, sec_admin, auditor) are managed only from the command line';

function isSeparated(role: string): boolean {
  return SEPARATED_ADMIN_ROLES.includes(role as Role);
}

/** The console may not create a separated administrator. */
export function assertMayCreateWithRole(scope: Scope, role: Role): void {
  if (scope.channel === 'api' && isSeparated(role)) throw new ForbiddenError(SEPARATED_MESSAGE, 'separated_role');
}

/**
 * What the console may change on a user. An administrator may not change their own role
 * or disable themselves (they could lock everyone out). The separated administrators'
 * accounts cannot be given, stripped of, moved, disabled or have their password reset
 * from the console: otherwise the system administrator could take over or silence the
 * security administrator or the auditor, which the separation of duties forbids.
 */
export function assertMayUpdate(
  scope: Scope,
  target: { id: number; role: string; org_id: number },
  input: TUpdateUser,
): void {
  if (scope.channel !== 'api') return;
  const changesRole = input.role !== undefined && input.role !== target.role;
  if (target.id === scope.userId && changesRole) {
    throw new ForbiddenError('You cannot change your own role', 'self_change_refused');
  }
  if (target.id === scope.userId && input.disabled === true) {
    throw new ForbiddenError('You cannot disable yourself', 'self_change_refused');
  }
  if (changesRole && isSeparated(input.role as Role)) throw new ForbiddenError(SEPARATED_MESSAGE, 'separated_role');
  const changesOrg = input.orgId !== undefined && input.orgId !== target.org_id;
  if (isSeparated(target.role) && (changesRole || changesOrg || input.disabled !== undefined)) {
    throw new ForbiddenError(SEPARATED_MESSAGE, 'separated_role');
  }
}

/** The console may not reset a separated administrator's password, nor its own (change it instead). */
export function assertMayResetPassword(scope: Scope, target: { id: number; role: string }): void {
  if (scope.channel !== 'api') return;
  if (target.id === scope.userId) {
    throw new ForbiddenError('Change your own password instead of resetting it', 'self_change_refused');
  }
  if (isSeparated(target.role)) throw new ForbiddenError(SEPARATED_MESSAGE, 'separated_role');
}

/**
 * A random temporary password for the user that passes the whole password policy: the
 * generator already mixes every class, but a random draw can still hold a short username
 * (`ab3` in sixteen characters), and a temporary password is no exception to the rule.
 */
export function temporaryPasswordFor(username: string): string {
  for (;;) {
    const password = generateTemporaryPassword();
    if (checkPasswordPolicy(password, { username }).ok) return password;
  }
}
