import type { FastifyRequest } from 'fastify';
import { requireAuth } from '../../http/access-control.js';
import { actorFromRequest } from '../audit/index.js';
import type { ClueViewer } from './clues.service.js';

/** The signed-in user as a reader and handler of clues. */
export function clueViewerFromRequest(request: FastifyRequest): ClueViewer {
  const auth = requireAuth(request);
  return {
    jurisdictionPrefix: auth.jurisdictionPrefix,
    userId: auth.userId,
    username: auth.username,
    displayName: auth.displayName,
    role: auth.role,
    orgId: auth.orgId,
    permissions: auth.permissions,
    actor: actorFromRequest(request),
  };
}
