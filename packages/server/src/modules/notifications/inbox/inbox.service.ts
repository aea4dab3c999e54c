import { CLUE_MACHINE, type ClueRecord, type ClueState, type LocalisedText } from '@qingfeng/core';
import type { AuthContext } from '../../../http/auth-context.js';
import type { Platform } from '../../../platform/platform.js';
import { commissionDate, listProblemTypes, presentClueSummary } from '../../clues/index.js';
import { awaitsApproval, dutiesOn, statesPooledTo } from '../clue-duty.js';
import type { StaffMember } from '../staff.js';
import { InboxRepository } from './inbox.repository.js';
import type { TInbox } from './inbox.schemas.js';

/** The most matters one answer lists; the SQL reads a few more, as the core turns some away. */
const MAX_ITEMS = 200;
const MAX_CANDIDATES = 1_000;

const OPEN_CLUE_STATES = CLUE_MACHINE.states.filter((s) => !CLUE_MACHINE.terminal.includes(s));

/**
 * What the signed-in person must act on now, soonest due first: the clues of their
 * jurisdiction on which the core allows them a step that moves the clue on, whether
 * because they hold it or because the step is pooled to their role (a leader's approval,
 * case management's registration). SQL narrows by jurisdiction, state and holder; the core decides.
 */
export async function readInbox(platform: Platform, auth: AuthContext): Promise<TInbox> {
  if (!auth.permissions.has('clue.read')) return { items: [], truncated: false };
  const member: StaffMember = {
    id: auth.userId,
    role: auth.role,
    orgId: auth.orgId,
    jurisdictionPrefix: auth.jurisdictionPrefix,
    permissions: auth.permissions,
  };
  const rows = await new InboxRepository(platform.database.db).findClueCandidates(
    {
      prefix: auth.jurisdictionPrefix,
      userId: auth.userId,
      orgId: auth.orgId,
      openStates: OPEN_CLUE_STATES,
      pooledStates: statesPooledTo(auth.role),
    },
    MAX_CANDIDATES,
  );
  const today = commissionDate(platform.clock.now());
  const labels = new Map<string, LocalisedText>((await listProblemTypes(platform)).items.map((p) => [p.code, p.label]));
  const items: TInbox['items'] = [];
  for (const row of rows) {
    const record = row.record as ClueRecord;
    const holder = { responsibleUserId: row.responsible_user_id, responsibleOrgId: row.responsible_org_id };
    const actions = dutiesOn(record, member, holder);
    if (actions.length === 0) continue;
    if (items.length === MAX_ITEMS) return { items, truncated: true };
    items.push({
      subjectType: 'clue',
      clue: presentClueSummary(row, labels, today),
      actions,
      awaitingApproval: awaitsApproval(row.state as ClueState),
    });
  }
  return { items, truncated: rows.length === MAX_CANDIDATES };
}
