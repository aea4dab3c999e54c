import type { AuditLogRow } from '../../db/schema.js';
import type { TAuditEntry } from './audit.schemas.js';

export function presentAuditEntry(row: AuditLogRow): TAuditEntry {
  return {
    id: Number(row.id),
    at: new Date(row.at).toISOString(),
    userId: row.user_id,
    username: row.username,
    role: row.role,
    orgId: row.org_id,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    subject: row.subject,
    reason: row.reason,
    ip: row.ip,
    userAgent: row.user_agent,
    requestId: row.request_id,
    outcome: row.outcome,
    detail: row.detail,
  };
}

const CSV_COLUMNS = [
  'id',
  'at',
  'username',
  'role',
  'orgId',
  'action',
  'objectType',
  'objectId',
  'subject',
  'reason',
  'ip',
  'userAgent',
  'requestId',
  'outcome',
  'detail',
] as const;

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // A leading = + - @ would make a spreadsheet run the cell as a formula.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

// The watermark (who exported the file, when) leads every line, as in the warnings' export.
export function auditCsvHeader(): string {
  return `watermark,${CSV_COLUMNS.join(',')}\r\n`;
}

export function auditCsvLine(row: AuditLogRow, watermark: string): string {
  const entry = presentAuditEntry(row);
  return `${[csvCell(watermark), ...CSV_COLUMNS.map((column) => csvCell(entry[column]))].join(',')}\r\n`;
}
