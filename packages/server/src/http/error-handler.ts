import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, StepRefusedError, TooManyRequestsError, ValidationError, type ValidationIssue } from './errors.js';

export interface ErrorBody {
  code: string;
  message: string;
  field?: string;
  issues?: readonly ValidationIssue[];
  /** Why the procedure refused a step, in both languages. */
  reason?: { readonly zh: string; readonly en: string };
}

/** Names the field of a validation error the way a client addresses it: `body.password`. */
function fieldOf(context: string | undefined, instancePath: string, params: unknown): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  const missing =
    typeof params === 'object' && params !== null && 'missingProperty' in params ? String(params.missingProperty) : '';
  return [context, path || missing].filter(Boolean).join('.');
}

/** Turns every error into the one error shape `{ code, message, field? }`. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const body: ErrorBody = { code: error.code, message: error.message };
      if (error.field) body.field = error.field;
      if (error instanceof ValidationError && error.issues) body.issues = error.issues;
      if (error instanceof StepRefusedError) body.reason = error.reason;
      if (error instanceof TooManyRequestsError && error.retryAfterSeconds !== undefined)
        reply.header('retry-after', String(error.retryAfterSeconds));
      return reply.status(error.status).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const first = error.validation[0];
      const field = first ? fieldOf(error.validationContext, first.instancePath, first.params) : undefined;
      const message = first ? `${field}: ${first.message ?? 'invalid'}` : error.message;
      return reply.status(400).send({ code: 'validation_failed', message, ...(field ? { field } : {}) });
    }
    if (error.statusCode === 429) {
      return reply.status(429).send({ code: 'rate_limited', message: 'Too many requests, try again later' });
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send({ code: error.code ?? 'bad_request', message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ code: 'internal_error', message: 'Internal server error' });
  });

  app.setNotFoundHandler((request, reply) => {
    return reply.status(404).send({ code: 'not_found', message: `No route ${request.method} ${request.url}` });
  });
}
