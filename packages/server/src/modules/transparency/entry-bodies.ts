import type { JsonValue, LogEntry } from '@qingfeng/core';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.js';

/** A queued source row made into a log entry, with the jurisdiction of what it records. */
export interface SourcedEntry {
  readonly kind: string;
  readonly sourceId: string;
  readonly entry: LogEntry;
  /** The division of what the entry records; null = the whole country's (who may read its bytes). */
  readonly divisionCode: string | null;
}

type Body = Record<string, JsonValue>;

const iso = (at: Date | string | null): string | null => (at === null ? null : new Date(at).toISOString());

/**
 * The bodies of each kind (docs/transparency-log.md lists their fields). Each is read from the
 * row as committed: personal data in an audit row is already masked, and nothing else here
 * names a person but a staff member by account.
 */
async function auditBodies(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, SourcedEntry>> {
  const rows = await db
    .selectFrom('audit_log')
    .leftJoin('organisations', 'organisations.id', 'audit_log.org_id')
    .selectAll('audit_log')
    .select('organisations.division_code')
    .where('audit_log.id', 'in', ids.map(Number))
    .execute();
  return new Map(
    rows.map((row) => {
      const body: Body = {
        id: row.id,
        at: iso(row.at),
        userId: row.user_id,
        username: row.username,
        role: row.role,
        orgId: row.org_id,
        action: row.action,
        objectType: row.object_type,
        objectId: row.object_id,
        subject: row.subject,
        reason: row.reason,
        outcome: row.outcome,
        ip: row.ip,
        requestId: row.request_id,
        detail: (row.detail ?? null) as JsonValue,
      };
      const sourceId = String(row.id);
      return [sourceId, { kind: 'audit', sourceId, entry: { kind: 'audit', body }, divisionCode: row.division_code }];
    }),
  );
}

async function modelVersionBodies(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, SourcedEntry>> {
  const rows = await db
    .selectFrom('model_versions')
    .selectAll()
    .where(sql<string>`model_id || '/' || version`, 'in', [...ids])
    .execute();
  return new Map(
    rows.map((row) => {
      const sourceId = `${row.model_id}/${row.version}`;
      const body: Body = {
        modelId: row.model_id,
        version: row.version,
        document: row.document as JsonValue,
        params: row.params as JsonValue,
        changedBy: row.changed_by,
        changedByName: row.changed_by_name,
        changedAt: iso(row.changed_at),
        reason: row.reason,
      };
      return [
        sourceId,
        { kind: 'model-version', sourceId, entry: { kind: 'model-version', body }, divisionCode: null },
      ];
    }),
  );
}

async function importBatchBodies(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, SourcedEntry>> {
  const rows = await db.selectFrom('import_batches').selectAll().where('id', 'in', ids.map(Number)).execute();
  return new Map(
    rows.map((row) => {
      const sourceId = String(row.id);
      // The file's name is left out: a department may name a file after a person.
      const body: Body = {
        batchId: row.id,
        datasetType: row.dataset_type,
        departmentCode: row.department_code,
        contentSha256: row.content_hash,
        format: row.format,
        mode: row.mode,
        rowsRead: row.rows_read,
        rowsLoaded: row.rows_loaded,
        rowsRejected: row.rows_rejected,
        importedBy: row.imported_by,
        divisionCode: row.division_code,
        createdAt: iso(row.created_at),
        finishedAt: iso(row.finished_at),
      };
      return [
        sourceId,
        { kind: 'import-batch', sourceId, entry: { kind: 'import-batch', body }, divisionCode: row.division_code },
      ];
    }),
  );
}

/**
 * An item of case evidence: its hash and what identifies it, never its bytes or its title
 * (a title may name a person). The log then proves the evidence was there, unchanged, from then on.
 */
async function caseEvidenceBodies(db: Kysely<DB>, ids: readonly string[]): Promise<Map<string, SourcedEntry>> {
  const rows = await db
    .selectFrom('case_evidence as e')
    .innerJoin('cases as c', 'c.id', 'e.case_id')
    .select([
      'e.id',
      'e.case_id',
      'e.kind',
      'e.size',
      'e.hash_name',
      'e.hash',
      'e.supersedes_id',
      'e.added_by',
      'e.added_at',
      'c.division_code',
    ])
    .where('e.id', 'in', ids.map(Number))
    .execute();
  return new Map(
    rows.map((row) => {
      const sourceId = String(row.id);
      const body: Body = {
        evidenceId: row.id,
        caseId: row.case_id,
        kind: row.kind,
        size: row.size,
        hashName: row.hash_name,
        hash: row.hash,
        supersedes: row.supersedes_id,
        addedBy: row.added_by,
        addedAt: iso(row.added_at),
      };
      return [
        sourceId,
        { kind: 'evidence', sourceId, entry: { kind: 'evidence', body }, divisionCode: row.division_code },
      ];
    }),
  );
}

const READERS: Record<string, (db: Kysely<DB>, ids: readonly string[]) => Promise<Map<string, SourcedEntry>>> = {
  audit: auditBodies,
  'model-version': modelVersionBodies,
  'import-batch': importBatchBodies,
  evidence: caseEvidenceBodies,
};

/** The entries of queued rows, in queue order; a source row that no longer exists is left out. */
export async function readQueuedEntries(
  db: Kysely<DB>,
  queued: readonly { kind: string; sourceId: string }[],
): Promise<(SourcedEntry | null)[]> {
  const byKind = new Map<string, Map<string, SourcedEntry>>();
  for (const [kind, read] of Object.entries(READERS)) {
    const ids = queued.filter((q) => q.kind === kind).map((q) => q.sourceId);
    if (ids.length > 0) byKind.set(kind, await read(db, ids));
  }
  return queued.map((q) => byKind.get(q.kind)?.get(q.sourceId) ?? null);
}
