import type { FastifyRequest } from 'fastify';
import { requireAuth } from '../../../http/access-control.js';
import { type AuditActor, actorFromRequest } from '../../audit/index.js';

/** Who changes or reviews a model: the audit actor, the user recorded on the version, their jurisdiction. */
export interface ModelEditor {
  actor: AuditActor;
  userId: number | null;
  username: string;
  /** Where a draft they submit is seen and reviewed; where their previews read rows. */
  jurisdictionPrefix: string;
}

/** Who is editing, reviewing or running models, from the signed-in request. */
export function editorFromRequest(request: FastifyRequest): ModelEditor {
  const auth = requireAuth(request);
  return {
    actor: actorFromRequest(request),
    userId: auth.userId,
    username: auth.username,
    jurisdictionPrefix: auth.jurisdictionPrefix,
  };
}
