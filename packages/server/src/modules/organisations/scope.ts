import type { FastifyRequest } from 'fastify';
import { requireAuth } from '../../http/access-control.js';
import { type AuditActor, actorFromRequest, systemActor } from '../audit/index.js';

/**
 * Who is acting and over which divisions. Services of the organisation and user domains
 * take one, so that the console and the command line share the same rules.
 */
export interface Scope {
  /** Division codes starting with this are inside the actor's jurisdiction ('' = the whole country). */
  readonly jurisdictionPrefix: string;
  readonly actor: AuditActor;
  /** The signed-in user, or null on the command line. */
  readonly userId: number | null;
  /**
   * Where the action comes from. The console ('api') may not create or assign the
   * separated administrators (三员); only the command line ('cli'), run by whoever holds
   * the server, may.
   */
  readonly channel: 'api' | 'cli';
}

/** The scope of a signed-in request: the user's jurisdiction and identity. */
export function scopeFromRequest(request: FastifyRequest): Scope {
  const auth = requireAuth(request);
  return {
    jurisdictionPrefix: auth.jurisdictionPrefix,
    actor: actorFromRequest(request),
    userId: auth.userId,
    channel: 'api',
  };
}

/** The scope of a command-line action: the whole country, audited under `name`. */
export function cliScope(name = 'cli'): Scope {
  return { jurisdictionPrefix: '', actor: systemActor(name), userId: null, channel: 'cli' };
}

/** A LIKE pattern matching `text` anywhere, with LIKE's wildcards in `text` taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
