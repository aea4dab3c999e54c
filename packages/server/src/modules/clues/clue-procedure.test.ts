import { DEFAULT_ROLE_PERMISSIONS, newClue } from '@qingfeng/core';
import { describe, expect, it } from 'vitest';
import {
  allowedClueActions,
  commissionDate,
  commissionTime,
  numberingAbbreviation,
  procedureActor,
} from './clue-procedure.js';

const actor = (id: number, role: 'leader' | 'case_management' | 'supervision' | 'trial') =>
  procedureActor(id, role, new Set(DEFAULT_ROLE_PERMISSIONS[role]));

describe('the server side of the clue procedure', () => {
  it('writes instants in the commission offset, so a clock starts on the local day', () => {
    const lateEvening = new Date('2026-03-01T17:30:00Z');
    expect(commissionTime(lateEvening)).toBe('2026-03-02T01:30:00+08:00');
    expect(commissionDate(lateEvening)).toBe('2026-03-02');
  });

  it('offers each person only the steps the rules give their role, never approving their own proposal', () => {
    const received = newClue('1', 'letters_visits', '2026-03-02T09:00:00+08:00');
    const assignment = ['reassign', 'declare_conflict', 'recuse_person'];
    expect(allowedClueActions(received, actor(1, 'case_management')).map((a) => a.action)).toEqual([
      'register',
      'merge_into',
      'link_related',
      'reassign',
      'declare_conflict',
    ]);
    expect(allowedClueActions(received, actor(2, 'supervision')).map((a) => a.action)).toEqual([
      'link_related',
      'declare_conflict',
    ]);
    expect(allowedClueActions(received, actor(3, 'trial'))).toEqual([]);
    const awaiting = {
      ...received,
      state: 'awaiting_disposal_approval' as const,
      proposedBy: '4',
      proposal: { disposal: 'hold' as const, transferTo: null, firstForm: null },
    };
    expect(allowedClueActions(awaiting, actor(5, 'leader')).map((a) => a.action)).toEqual([
      'approve_disposal',
      'return_disposal',
      ...assignment,
    ]);
    // The proposer, though a leader, may not approve: only the steps that are not approvals remain.
    const proposerAsLeader = procedureActor(4, 'leader', new Set(DEFAULT_ROLE_PERMISSIONS.leader));
    expect(allowedClueActions(awaiting, proposerAsLeader).map((a) => a.action)).toEqual(assignment);
    expect(allowedClueActions({ ...awaiting, recusedIds: ['5'] }, actor(5, 'leader'))).toEqual([]);
  });

  it('abbreviates a commission for its registration numbers', () => {
    expect(numberingAbbreviation('西湖区纪委监委')).toBe('西湖区纪');
    expect(numberingAbbreviation('测试县')).toBe('测试县纪');
  });
});
