import { maskIdNumber, maskName, maskPersonalDataInText } from '@qingfeng/core';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { AuditOutcome, DB } from '../../db/schema.js';
import type { AuthContext } from '../../http/auth-context.js';
import { requireAuth } from '../../http/access-control.js';
import { writeAuditEntry } from './audit-writer.js';

/** Who acted and from where, taken from the request. */
export interface AuditActor {
  userId: number | null;
  username: string | null;
  role: string | null;
  orgId: number | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** The person whose data was read or changed. Stored masked, never whole. */
export interface AuditSubject {
  idNumber?: string;
  name?: string;
}

export interface AuditEvent {
  /** Verb-noun, dotted by domain: `user.create`, `person.read`, `auth.sign_in`. */
  action: string;
  objectType?: string;
  objectId?: string | number;
  subject?: AuditSubject;
  /** Why, where the action requires a reason (reading a person's file, marking a warning). */
  reason?: string;
  outcome?: AuditOutcome;
  detail?: Record<string, unknown>;
}

export function actorFromRequest(request: FastifyRequest): AuditActor {
  const auth = request.auth;
  return {
    userId: auth?.userId ?? null,
    username: auth?.username ?? null,
    role: auth?.role ?? null,
    orgId: auth?.orgId ?? null,
    ip: request.ip,
    userAgent: request.headers['user-agent']?.slice(0, 400) ?? null,
    requestId: request.id,
  };
}

/** The signed-in user of a request, with the actor their audit entries name: what a service acting for them reads. */
export function signedInViewer(request: FastifyRequest): AuthContext & { actor: AuditActor } {
  return { ...requireAuth(request), actor: actorFromRequest(request) };
}

/** An actor for work started from the command line (no request, no IP). */
export function systemActor(username = 'cli'): AuditActor {
  return { userId: null, username, role: null, orgId: null, ip: null, userAgent: null, requestId: null };
}

function maskSubject(subject: AuditSubject | undefined): string | null {
  if (!subject) return null;
  const parts = [subject.name ? maskName(subject.name) : '', subject.idNumber ? maskIdNumber(subject.idNumber) : ''];
  return parts.filter(Boolean).join(' ') || null;
}

// With the u flag a surrogate pair reads as one code point, so only an unpaired half matches.
const LONE_SURROGATE = /\p{Cs}/gu;

/**
 * A detail may quote a file's own text (the columns of an upload that matched nothing), and
 * jsonb refuses U+0000 and unpaired surrogates: they are written as U+FFFD, as a reader of
 * the file would see them, rather than failing the request that is being audited.
 */
function storableStrings(_key: string, value: unknown): unknown {
  return typeof value === 'string' ? value.replaceAll('\u0000', '\uFFFD').replace(LONE_SURROGATE, '\uFFFD') : value;
}

/**
 * Appends one entry to the audit trail. Pass the transaction that makes the change so the
 * entry and the change commit or roll back together. Personal data in the subject and
 * detail is masked before it is written.
 */
export async function recordAudit(executor: Kysely<DB>, actor: AuditActor, event: AuditEvent): Promise<void> {
  const detail: unknown = event.detail
    ? JSON.parse(maskPersonalDataInText(JSON.stringify(event.detail, storableStrings)))
    : null;
  await writeAuditEntry(executor, {
    user_id: actor.userId,
    username: actor.username,
    role: actor.role,
    org_id: actor.orgId,
    ip: actor.ip,
    user_agent: actor.userAgent,
    request_id: actor.requestId,
    action: event.action,
    object_type: event.objectType ?? null,
    object_id: event.objectId === undefined ? null : String(event.objectId),
    subject: maskSubject(event.subject),
    reason: event.reason ?? null,
    outcome: event.outcome ?? 'allowed',
    detail,
  });
}
