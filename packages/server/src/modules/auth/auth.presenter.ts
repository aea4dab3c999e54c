import type { LocalisedText } from '@qingfeng/core';
import type { AuthUser } from './auth.repository.js';
import type { TMe } from './auth.schemas.js';

/** What the server works out about a user beyond their row. */
export interface MeFacts {
  permissions: Iterable<string>;
  mustChangePassword: boolean;
  mustEnrolTotp: boolean;
  csrfToken: string;
  divisionName: LocalisedText | null;
}

/** The signed-in user for the console: never the hashes, secrets or lockout counters. */
export function presentMe(user: AuthUser, facts: MeFacts): TMe {
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    orgId: user.org_id,
    orgName: user.org_name,
    divisionCode: user.division_code,
    divisionName: facts.divisionName,
    permissions: [...facts.permissions].sort(),
    mustChangePassword: facts.mustChangePassword,
    mustEnrolTotp: facts.mustEnrolTotp,
    totpEnabled: user.totp_enabled,
    csrfToken: facts.csrfToken,
  };
}

/** The 423 body for a locked account. */
export function presentLocked(lockedUntil: Date): { code: 'account_locked'; message: string; lockedUntil: string } {
  const at = lockedUntil.toISOString();
  return {
    code: 'account_locked',
    message: `Too many failed attempts; the account is locked until ${at}`,
    lockedUntil: at,
  };
}
