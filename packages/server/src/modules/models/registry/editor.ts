import type { FastifyRequest } from 'fastify';
import { requireAuth } from '../../../http/access-control.js';
import { actorFromRequest } from '../../audit/index.js';
import type { ModelEditor } from './models.service.js';

/** Who is editing or running models, from the signed-in request. */
export function editorFromRequest(request: FastifyRequest): ModelEditor {
  const auth = requireAuth(request);
  return { actor: actorFromRequest(request), userId: auth.userId, username: auth.username };
}
