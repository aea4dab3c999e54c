import type { FastifyRequest } from 'fastify';
import { requireAuth } from '../../http/access-control.js';
import { actorFromRequest } from '../audit/index.js';
import type { WarningViewer } from './warnings.service.js';

/** The signed-in user as a viewer of warnings. */
export function viewerFromRequest(request: FastifyRequest): WarningViewer {
  const auth = requireAuth(request);
  return {
    jurisdictionPrefix: auth.jurisdictionPrefix,
    actor: actorFromRequest(request),
    userId: auth.userId,
    username: auth.username,
    permissions: auth.permissions,
  };
}
