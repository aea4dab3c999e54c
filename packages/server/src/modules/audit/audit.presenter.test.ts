import { parse } from 'csv-parse/sync';
import { watermarkText } from '@qingfeng/core';
import { describe, expect, it } from 'vitest';
import { auditCsvHeader, auditCsvLine } from './audit.presenter.js';

describe("the audit trail's CSV", () => {
  it('leads every line with the watermark of who exported it and when', () => {
    const watermark = watermarkText({ username: 'auditor1', displayName: '审计员' }, new Date('2026-12-04T21:50:30Z'));
    expect(watermark).toBe('内部资料 注意保密 Confidential · 审计员 (auditor1) · 2026-12-05 05:50 (UTC+8)');
    const row = {
      id: 7,
      at: new Date('2026-12-04T10:00:00Z'),
      user_id: 3,
      username: 'reader',
      role: 'leader',
      org_id: 1,
      action: 'person.read',
      object_type: 'person',
      object_id: '12',
      subject: '张* 110***********1234',
      reason: '核查, "quoted"',
      ip: null,
      user_agent: null,
      request_id: null,
      outcome: 'allowed' as const,
      detail: { a: 1 },
    };
    const records = parse<Record<string, string>>(auditCsvHeader() + auditCsvLine(row, watermark), { columns: true });
    expect(records).toEqual([expect.objectContaining({ watermark, id: '7', reason: '核查, "quoted"' })]);
  });
});
