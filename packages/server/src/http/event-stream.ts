import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

const HEARTBEAT_MS = 25_000;

/** An open Server-Sent Events response: send events on it until the client leaves. */
export interface EventStream {
  send(event: string, id: string | number, data: unknown): void;
  /** Called once when the client goes away (or the server closes the response). */
  onClose(listener: () => void): void;
}

/**
 * Turns a request into a Server-Sent Events response. Only a client that accepts
 * `text/event-stream` gets one; anything else is a 406, so a plain request (or a test
 * walking every route) is answered at once instead of being held open. A comment every
 * 25 s keeps proxies from closing the connection; the browser reconnects after 5 s.
 */
export function openEventStream(request: FastifyRequest, reply: FastifyReply): EventStream {
  if (!String(request.headers.accept ?? '').includes('text/event-stream')) {
    throw new AppError(406, 'not_acceptable', 'This route streams text/event-stream; send Accept: text/event-stream');
  }
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
    'x-request-id': request.id,
  });
  raw.write('retry: 5000\n: connected\n\n');
  const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const listeners: (() => void)[] = [];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    for (const listener of listeners) listener();
  };
  request.raw.on('close', close);
  raw.on('close', close);
  return {
    send: (event, id, data) => {
      if (!closed) raw.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onClose: (listener) => listeners.push(listener),
  };
}
