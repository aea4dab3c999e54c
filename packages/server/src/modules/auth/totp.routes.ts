import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AuthServices } from './auth-services.js';
import { requireAuth } from '../../http/access-control.js';
import { actorFromRequest } from '../audit/index.js';
import {
  ZOkResponse,
  ZPasswordConfirmBody,
  ZRecoveryCodesResponse,
  ZTotpConfirmBody,
  ZTotpSetupResponse,
} from './auth.schemas.js';
import { TotpEnrolmentService } from './totp-enrolment.service.js';

const TAGS = ['auth'];

/** The signed-in user's own TOTP enrolment and recovery codes, under /api/v1/auth. */
export function registerTotpRoutes(app: FastifyInstance, services: AuthServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const totp = new TotpEnrolmentService(services);

  api.post(
    '/api/v1/auth/totp/setup',
    {
      // Reachable during onboarding: a role that requires TOTP must be able to enrol.
      config: { access: 'authenticated', allowDuringOnboarding: true },
      schema: {
        tags: TAGS,
        summary: 'Start TOTP enrolment: a new secret and its otpauth:// address',
        response: { 200: ZTotpSetupResponse },
      },
    },
    async (request) => totp.setup(requireAuth(request), actorFromRequest(request)),
  );

  api.post(
    '/api/v1/auth/totp/confirm',
    {
      config: { access: 'authenticated', allowDuringOnboarding: true },
      schema: {
        tags: TAGS,
        summary: 'Turn TOTP on with a code from the authenticator; returns recovery codes once',
        body: ZTotpConfirmBody,
        response: { 200: ZRecoveryCodesResponse },
      },
    },
    async (request) => ({
      recoveryCodes: await totp.confirm(requireAuth(request), actorFromRequest(request), request.body.code),
    }),
  );

  api.post(
    '/api/v1/auth/totp/disable',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: 'Turn TOTP off (password required; refused when your role must use it)',
        body: ZPasswordConfirmBody,
        response: { 200: ZOkResponse },
      },
    },
    async (request) => {
      await totp.disable(requireAuth(request), actorFromRequest(request), request.body.password);
      return { ok: true as const };
    },
  );

  api.post(
    '/api/v1/auth/recovery-codes',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: TAGS,
        summary: 'Replace your recovery codes (password required); returns the new ones once',
        body: ZPasswordConfirmBody,
        response: { 200: ZRecoveryCodesResponse },
      },
    },
    async (request) => ({
      recoveryCodes: await totp.regenerateRecoveryCodes(
        requireAuth(request),
        actorFromRequest(request),
        request.body.password,
      ),
    }),
  );
}
