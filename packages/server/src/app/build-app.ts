import type { Writable } from 'node:stream';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { AppServices } from './app-services.js';
import { isCookieSecure } from '../config/config.js';
import { registerApiKeyRoutes } from '../modules/api-keys/api-keys.routes.js';
import { registerAuditRoutes } from '../modules/audit/audit.routes.js';
import { registerAuthRoutes } from '../modules/auth/auth.routes.js';
import { registerCatalogueRoutes } from '../modules/catalogue/catalogue.routes.js';
import { registerDatasetQualityRoutes } from '../modules/datasets/quality/dataset-quality.routes.js';
import { registerDatasetRowRoutes } from '../modules/datasets/rows/dataset-rows.routes.js';
import { registerDatasetRoutes } from '../modules/datasets/batches/datasets.routes.js';
import { registerModelRoutes } from '../modules/models/registry/models.routes.js';
import { registerOrganisationRoutes } from '../modules/organisations/organisations.routes.js';
import { registerRoleRoutes } from '../modules/roles/roles.routes.js';
import { registerApprovalRoutes } from '../modules/approvals/index.js';
import { registerStatisticsRoutes } from '../modules/statistics/statistics.routes.js';
import { registerTransparencyRoutes } from '../modules/transparency/index.js';
import { registerUserRoutes } from '../modules/users/users.routes.js';
import { registerWarningRoutes } from '../modules/warnings/warnings.routes.js';
import { registerClueRoutes, registerClueSubjectRoutes } from '../modules/clues/index.js';
import { registerCaseDocumentRoutes, registerCaseFileRoutes, registerCaseRoutes } from '../modules/cases/index.js';
import { registerInboxRoutes, registerNotificationRoutes } from '../modules/notifications/index.js';
import { type RegisteredRoute, registerAccessControl } from '../http/access-control.js';
import { requestIdentity } from './request-identity.js';
import { keptSerializerCompiler } from '../http/kept-serializer.js';
import { registerErrorHandler } from '../http/error-handler.js';
import { loggerOptions } from '../http/logger.js';
import { registerTextInputGuard } from '../http/text-input.js';
import { registerConsole } from './console-files.js';

export interface BuiltApp {
  app: FastifyInstance;
  /** Every /api/v1 route and the access it declared. */
  routes: RegisteredRoute[];
}

/**
 * Builds the HTTP application: security headers, cookies, rate limits, validation,
 * OpenAPI, access control, the domain routes and the console's static files.
 */
export interface BuildAppOptions {
  /** false = no logging at all (most tests). */
  logger?: boolean;
  /** Where log lines go instead of stdout (tests that read the log). */
  logStream?: Writable;
  /** The built console's folder (packages/web/dist unless a test gives its own). */
  consoleRoot?: string;
}

export async function buildApp(services: AppServices, options: BuildAppOptions = {}): Promise<BuiltApp> {
  const app = Fastify({
    trustProxy: services.config.trustProxy,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: 10 * 1024 * 1024,
    logger: options.logger === false ? false : loggerOptions(services.config.logLevel, options.logStream),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(keptSerializerCompiler);
  registerErrorHandler(app);
  registerTextInputGuard(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // API answers carry personal data: no browser or proxy cache may keep them (the back
    // button on a shared computer, a proxy between county offices). The console's static
    // files keep their caching.
    if (request.url.startsWith('/api/v1/')) reply.header('cache-control', 'no-store');
  });

  // Order matters: security headers are set before anything can refuse a request,
  // cookies are parsed before access control reads the session, and
  // access control's onRoute hook runs before the rate limiter's so public routes get limits.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Ant Design injects its styles at run time.
        imgSrc: ["'self'", 'data:'],
        // Only behind TLS: on a plain-HTTP intranet address the browser would otherwise
        // rewrite every script and API call to https and the console would not load.
        upgradeInsecureRequests: isCookieSecure(services.config) ? [] : null,
      },
    },
  });
  await app.register(fastifyCookie);
  const routes = registerAccessControl(app, requestIdentity(services));
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: 10 * 1024 * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Qingfeng API', description: '清风 big-data supervision platform', version: '1.0.0' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'qf_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  registerAuthRoutes(app, services);
  registerUserRoutes(app, services);
  registerOrganisationRoutes(app, services);
  registerRoleRoutes(app, services);
  registerApprovalRoutes(app, services);
  registerAuditRoutes(app, services);
  registerDatasetRoutes(app, services);
  registerDatasetQualityRoutes(app, services);
  registerDatasetRowRoutes(app, services);
  registerCatalogueRoutes(app, services);
  registerApiKeyRoutes(app, services);
  registerModelRoutes(app, services);
  registerWarningRoutes(app, services);
  registerClueRoutes(app, services);
  registerClueSubjectRoutes(app, services);
  registerCaseRoutes(app, services);
  registerCaseFileRoutes(app, services);
  registerNotificationRoutes(app, services);
  registerInboxRoutes(app, services);
  registerCaseDocumentRoutes(app, services);
  registerStatisticsRoutes(app, services);
  registerTransparencyRoutes(app, services);

  await registerConsole(app, options.consoleRoot);
  return { app, routes };
}
