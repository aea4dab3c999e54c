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
  /** The password is temporary or expired: only onboarding routes until it is changed. */
  readonly mustChangePassword: boolean;
  /** The user's role must use TOTP and they have not enrolled: only onboarding routes until they do. */
  readonly mustEnrolTotp: boolean;
  readonly permissions: ReadonlySet<Permission>;
}

/** The department behind a request on an `api_key` route, resolved from its `x-api-key` header. */
export interface ApiKeyContext {
  readonly keyId: number;
  /** The department (an organisation of kind 'unit') the key belongs to. */
  readonly orgId: number;
  readonly orgCode: string;
  readonly divisionCode: string;
  /** Dataset type keys the department may push. */
  readonly datasetTypes: ReadonlySet<string>;
  readonly rateLimitPerMinute: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    /** Set on `api_key` routes only, once the key is verified. */
    apiKey: ApiKeyContext | null;
  }
  interface FastifyContextConfig {
    /** What a caller needs to reach this route. Every /api route must declare it. */
    access?: RouteAccess;
    /**
     * Routes a signed-in user may call while onboarding is unfinished, that is before
     * changing an expired or temporary password or enrolling a TOTP their role requires:
     * who am I, sign-out, change password, TOTP enrolment.
     */
    allowDuringOnboarding?: boolean;
  }
}
