import { describe, expect, it } from 'vitest';
import { NOTIFICATION_KINDS, describeNotification } from './notification-words.js';

describe('describeNotification', () => {
  it('words every kind in both languages, with no code left showing', () => {
    const params = {
      title: '某村低保资金被冒领',
      number: '县纪线〔2026〕0001',
      state: 'awaiting_disposal_approval',
      step: 'disposal_approval',
      dueOn: '2026-03-10',
      daysLeft: 2,
      modelId: 'W01',
      explanation: { zh: '死亡后仍领取补贴', en: 'Paid after death' },
    };
    for (const kind of NOTIFICATION_KINDS) {
      const { title, body } = describeNotification(kind, 'clue', params);
      for (const text of [title.zh, title.en, body.zh, body.en]) {
        expect(text, kind).not.toMatch(/awaiting_disposal_approval|disposal_approval|undefined/);
        expect(text.length, kind).toBeGreaterThan(0);
      }
    }
    expect(describeNotification('approval_waiting', 'clue', params).body.en).toContain('Disposal awaiting approval');
    expect(describeNotification('deadline_close', 'clue', params).title.zh).toBe('期限临近：处置意见审批');
  });
});
