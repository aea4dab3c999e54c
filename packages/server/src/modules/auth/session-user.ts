import { isPasswordExpired, isRole, jurisdictionPrefix } from '@qingfeng/core';
import type { AuthContext } from '../../http/auth-context.js';
import type { AuthServices } from './auth-services.js';
import { totpRolesOf } from './totp-policy.js';

/**
 * The signed-in user behind a session token, as access control reads it on every request:
 * who they are, their jurisdiction, what they must finish first and what they may do.
 * Null when the token names no live session.
 */
export async function sessionUser(services: AuthServices, token: string): Promise<AuthContext | null> {
  const now = services.clock.now();
  const session = await services.sessions.findSession(token, now);
  // A session still waiting for its second factor is no sign-in at all, except to
  // POST /auth/totp/verify, which reads it itself.
  if (!session || session.mfa_pending || !isRole(session.role)) return null;
  const passwordExpired = isPasswordExpired(session.password_changed_at, services.config.passwordMaxAgeDays, now);
  return {
    userId: session.user_id,
    username: session.username,
    displayName: session.display_name,
    role: session.role,
    orgId: session.org_id,
    divisionCode: session.division_code,
    jurisdictionPrefix: jurisdictionPrefix(session.division_code),
    sessionId: session.id,
    csrfToken: session.csrf_token,
    mustChangePassword: session.must_change_password || passwordExpired,
    mustEnrolTotp: !session.totp_enabled && totpRolesOf(session.totp_required_roles).includes(session.role),
    permissions: await services.rolePermissions.getPermissions(session.role),
  };
}
