/**
 * Every permission a route or action can require. A permission names a capability,
 * not a screen, so the same check guards the API, the CLI and the console menu.
 */
export const PERMISSIONS = [
  'org.read',
  'org.manage',
  'user.read',
  'user.manage',
  'role.read',
  'role.manage',
  'policy.manage',
  'audit.read',
  'audit.export',
  'settings.manage',
  'dataset.read',
  'dataset.import',
  'dataset.manage',
  'person.read',
  // Approves another user's sensitive query (a person searched across all datasets) when the
  // security administrator's policy asks for a second person; never one's own.
  'sensitive.approve',
  'model.read',
  'model.manage',
  'model.run',
  // Enables a model built in the builder after reviewing it; never its author (four eyes).
  'model.approve',
  'warning.read',
  'warning.handle',
  'clue.read',
  'clue.handle',
  'case.read',
  'case.handle',
  'trial.handle',
  'report.read',
  'report.handle',
  'reply.handle',
  'dashboard.read',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/**
 * Route-level access: a permission, several permissions all needed (a search of people
 * through their warnings needs both warning.read and person.read), any signed-in user, the
 * public (no session), or a department's API key (`x-api-key` header; sessions are not
 * accepted there).
 */
export type RouteAccess = Permission | readonly Permission[] | 'authenticated' | 'public' | 'api_key';

/** Whether a holder of `held` passes a route needing `needs`: one permission, or every one of a list. */
export function grantsAccess(
  held: ReadonlySet<Permission> | readonly Permission[],
  needs: Permission | readonly Permission[],
): boolean {
  const has = (p: Permission) => (held instanceof Set ? held.has(p) : (held as readonly Permission[]).includes(p));
  return typeof needs === 'string' ? has(needs) : needs.every(has);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
