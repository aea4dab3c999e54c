import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** The security_policies key listing the roles that must use TOTP (a JSON array of role names). */
export const TOTP_REQUIRED_ROLES_KEY = 'totp_required_roles';

/**
 * The roles the security administrator requires to sign in with TOTP; none when the
 * policy was never set. A malformed value is read as the strings it contains, so a bad
 * write can narrow the policy but never crash sign-in.
 */
export async function findTotpRequiredRoles(db: Kysely<DB>): Promise<string[]> {
  const row = await db
    .selectFrom('security_policies')
    .select('value')
    .where('key', '=', TOTP_REQUIRED_ROLES_KEY)
    .executeTakeFirst();
  return totpRolesOf(row?.value);
}

/** The roles a stored `totp_required_roles` value lists (absent or malformed: the strings it holds, or none). */
export function totpRolesOf(stored: unknown): string[] {
  const value: unknown = typeof stored === 'string' ? safeParse(stored) : stored;
  return Array.isArray(value) ? value.filter((role): role is string => typeof role === 'string') : [];
}

/** Whether a user of `role` who has not enrolled TOTP must do so before anything else. */
export async function mustEnrolTotp(db: Kysely<DB>, role: string, totpEnabled: boolean): Promise<boolean> {
  if (totpEnabled) return false;
  return (await findTotpRequiredRoles(db)).includes(role);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
