import type { Role } from '@qingfeng/core';
import type { ClueRow } from '../../db/schema.js';
import { ValidationError } from '../../http/errors.js';
import { openClue } from './clue-access.js';
import { HANDLING_ROLES } from './clue-procedure.js';
import type { ClueTiesRepository } from './clue-ties.repository.js';
import type { CluesRepository } from './clues.repository.js';
import type { TStepBody } from './clues.schemas.js';
import type { ClueViewer } from './clues.service.js';

/** A step's payload as the core reads it, what the timeline keeps of it, and what it ties the clue to. */
export interface ResolvedStep {
  payload: Record<string, unknown>;
  summary: Record<string, unknown>;
  /** The other clue a merge or link names, locked. */
  other: ClueRow | null;
  /** The person and office a reassignment gives the clue to. */
  assignee: { userId: number; orgId: number } | null;
  /** The user a leader recuses. */
  recused: number | null;
}

/** A user of the viewer's jurisdiction, or a 422 naming the field. */
async function staffOf(ties: ClueTiesRepository, viewer: ClueViewer, userId: number, field: string) {
  const user = await ties.findStaff(viewer.jurisdictionPrefix, userId);
  if (!user) throw new ValidationError('Not a user of your jurisdiction', `body.payload.${field}`);
  return user;
}

/**
 * The client's numeric ids become the core's, once checked against the viewer's
 * jurisdiction; the timeline gets names, since ids mean nothing to a reader. Everything the
 * procedure says about them (a recused assignee, merging into itself) is the core's to check.
 */
export async function resolveStep(
  repository: CluesRepository,
  ties: ClueTiesRepository,
  viewer: ClueViewer,
  body: TStepBody,
): Promise<ResolvedStep> {
  const resolved: ResolvedStep = {
    payload: body.payload,
    summary: { ...body.payload },
    other: null,
    assignee: null,
    recused: null,
  };
  if (body.action === 'merge_into') {
    resolved.other = await openClue(repository, viewer, body.payload.targetClueId, true);
    resolved.payload = { ...body.payload, targetClueId: String(resolved.other.id) };
  } else if (body.action === 'link_related') {
    resolved.other = await openClue(repository, viewer, body.payload.clueId, true);
    resolved.payload = { ...body.payload, clueId: String(resolved.other.id) };
  } else if (body.action === 'propose_disposal') {
    const ids = [...new Set(body.payload.participantIds)];
    const found = await repository.findUsersWithin(viewer.jurisdictionPrefix, ids);
    if (found.length !== ids.length) {
      throw new ValidationError('A participant is not a user of your jurisdiction', 'body.payload.participantIds');
    }
    resolved.payload = { ...body.payload, participantIds: ids.map(String) };
    const { participantIds: _ids, ...rest } = body.payload;
    resolved.summary = { ...rest, participants: found.map((u) => u.display_name) };
  } else if (body.action === 'reassign') {
    const user = await staffOf(ties, viewer, body.payload.responsibleUserId, 'responsibleUserId');
    if (user.disabled || !HANDLING_ROLES.includes(user.role as Role)) {
      throw new ValidationError('That user does not handle clues', 'body.payload.responsibleUserId');
    }
    resolved.payload = { ...body.payload, responsibleId: String(user.id) };
    resolved.summary = { responsible: user.display_name, office: user.org_name };
    resolved.assignee = { userId: user.id, orgId: user.org_id };
  } else if (body.action === 'recuse_person') {
    const user = await staffOf(ties, viewer, body.payload.userId, 'userId');
    resolved.payload = { ...body.payload, personId: String(user.id) };
    resolved.summary = { person: user.display_name };
    resolved.recused = user.id;
  } else if (body.action === 'declare_conflict') {
    resolved.summary = { person: viewer.displayName };
    resolved.recused = viewer.userId;
  }
  delete resolved.summary.reason;
  delete resolved.summary.attachments;
  return resolved;
}
