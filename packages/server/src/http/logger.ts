import type { Writable } from 'node:stream';
import { maskPersonalDataInText } from '@qingfeng/core';
import type { FastifyServerOptions } from 'fastify';

/**
 * Structured (JSON) request logs that never carry identity numbers, phone numbers,
 * passwords or credentials: bodies are never logged, credential headers are redacted, and
 * identity and phone numbers in URLs, messages and errors are masked.
 */
export function loggerOptions(level: string, stream?: Writable): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: [
      'req.headers.cookie',
      'req.headers.authorization',
      'req.headers["x-api-key"]',
      'req.headers["x-csrf-token"]',
    ],
    serializers: {
      req: (req: { method: string; url: string; ip?: string }) => ({
        method: req.method,
        url: maskPersonalDataInText(req.url),
        ip: req.ip,
      }),
      err: (err: Error) => ({
        type: err.name,
        message: maskPersonalDataInText(err.message),
        stack: maskPersonalDataInText(err.stack ?? ''),
      }),
    },
    hooks: {
      // Free-text messages are masked too, whoever wrote them.
      logMethod(args, method) {
        const masked = args.map((arg: unknown) => (typeof arg === 'string' ? maskPersonalDataInText(arg) : arg));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
  };
}
