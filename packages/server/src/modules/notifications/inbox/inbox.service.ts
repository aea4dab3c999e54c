import {
  CASE_MACHINE,
  CLUE_MACHINE,
  type CaseRecord,
  type ClueRecord,
  type ClueState,
  type LocalisedText,
} from '@qingfeng/core';
import type { AuthContext } from '../../../http/auth-context.js';
import type { Platform } from '../../../platform/platform.js';
import { presentCaseSummary } from '../../cases/index.js';
import { commissionDate, listProblemTypes, presentClueSummary } from '../../clues/index.js';
import { caseAwaitsApproval, caseDutiesOn, caseStatesPooledTo } from '../case-duty.js';
import { awaitsApproval, dutiesOn, statesPooledTo } from '../clue-duty.js';
import type { StaffMember } from '../staff.js';
import { InboxRepository } from './inbox.repository.js';
import type { TInbox, TInboxItem } from './inbox.schemas.js';

/** The most matters one answer lists; the SQL reads a few more of each, as the core turns some away. */
const MAX_ITEMS = 200;
const MAX_CANDIDATES = 1_000;

const open = <S extends string>(machine: { states: readonly S[]; terminal: readonly S[] }) =>
  machine.states.filter((s) => !machine.terminal.includes(s));
const OPEN_CLUE_STATES = open(CLUE_MACHINE);
const OPEN_CASE_STATES = open(CASE_MACHINE);

const dueOf = (item: TInboxItem) =>
  (item.subjectType === 'clue' ? item.clue : item.case).deadline?.dueOn ?? '9999-12-31';

/**
 * What the signed-in person must act on now, soonest due first: the clues and cases of
 * their jurisdiction on which the core allows them a step that moves the matter on,
 * whether because they hold it (a clue's responsible person, a case's investigators) or
 * because the step is pooled to their role (a leader's approvals, case management's
 * registration, the trial office). SQL narrows by jurisdiction, state and holder; the core decides.
 */
export async function readInbox(platform: Platform, auth: AuthContext): Promise<TInbox> {
  const member: StaffMember = {
    id: auth.userId,
    role: auth.role,
    orgId: auth.orgId,
    jurisdictionPrefix: auth.jurisdictionPrefix,
    permissions: auth.permissions,
  };
  const repository = new InboxRepository(platform.database.db);
  const narrowing = { prefix: auth.jurisdictionPrefix, userId: auth.userId, orgId: auth.orgId };
  const today = commissionDate(platform.clock.now());
  const labels = new Map<string, LocalisedText>((await listProblemTypes(platform)).items.map((p) => [p.code, p.label]));
  const items: TInboxItem[] = [];
  let truncated = false;

  if (auth.permissions.has('clue.read')) {
    const rows = await repository.findClueCandidates(
      { ...narrowing, openStates: OPEN_CLUE_STATES, pooledStates: statesPooledTo(auth.role) },
      MAX_CANDIDATES,
    );
    truncated ||= rows.length === MAX_CANDIDATES;
    for (const row of rows) {
      const holder = { responsibleUserId: row.responsible_user_id, responsibleOrgId: row.responsible_org_id };
      const actions = dutiesOn(row.record as ClueRecord, member, holder);
      if (actions.length === 0) continue;
      items.push({
        subjectType: 'clue',
        clue: presentClueSummary(row, labels, today),
        actions,
        awaitingApproval: awaitsApproval(row.state as ClueState),
      });
    }
  }
  if (auth.permissions.has('case.read')) {
    const rows = await repository.findCaseCandidates(
      { ...narrowing, openStates: OPEN_CASE_STATES, pooledStates: caseStatesPooledTo(auth.role) },
      MAX_CANDIDATES,
    );
    truncated ||= rows.length === MAX_CANDIDATES;
    for (const row of rows) {
      const record = row.record as CaseRecord;
      const actions = caseDutiesOn(record, member);
      if (actions.length === 0) continue;
      items.push({
        subjectType: 'case',
        case: presentCaseSummary(row, labels, today),
        actions,
        awaitingApproval: caseAwaitsApproval(record),
      });
    }
  }
  items.sort((a, b) => dueOf(a).localeCompare(dueOf(b)));
  return { items: items.slice(0, MAX_ITEMS), truncated: truncated || items.length > MAX_ITEMS };
}
