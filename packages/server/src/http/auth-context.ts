import type { Permission, Role, RouteAccess } from '@qingfeng/core';

/** Who is making a request, resolved from the session cookie once per request. */
export interface AuthContext {
  readonly userId: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly orgId: number;
  /** The 12-digit division of the user's organisation; its subtree is the jurisdiction. */
  readonly divisionCode: string;
  /** Codes starting with this prefix are inside the user's jurisdiction. */
  readonly jurisdictionPrefix: string;
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly mustChangePassword: boolean;
  readonly permissions: ReadonlySet<Permission>;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    /** What a caller needs to reach this route. Every /api route must declare it. */
    access?: RouteAccess;
    /**
     * Routes a signed-in user may call before changing an expired or temporary password
     * (sign-out, change password, who am I).
     */
    allowWithPendingPasswordChange?: boolean;
  }
}
