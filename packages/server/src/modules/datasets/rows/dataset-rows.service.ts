import {
  type DatasetType,
  type FieldDef,
  type Permission,
  type Subject,
  jurisdictionPrefix,
  normaliseValue,
} from '@qingfeng/core';
import type { DatasetServices } from '../batches/batch-events.js';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../http/errors.js';
import { type AuditActor, recordAudit } from '../../audit/index.js';
import { findAccountToken } from '../import/accounts.lake.js';
import { type RowCondition, type SqlCast, findRows, findSubjectKey, isRowVisible } from './dataset-rows.lake.js';
import { type RowPerson, presentRow } from './dataset-rows.presenter.js';
import type { TRowLineage, TRowPage } from './dataset-rows.schemas.js';
import { type DataViewer, findRowScope, getVisibleBatch } from '../batches/batch-scope.js';
import { requireDataset } from '../../catalogue/index.js';
import { requireApproval } from '../../approvals/index.js';

/** A viewer of rows: jurisdiction and what their role may do. */
export interface RowViewer extends DataViewer {
  readonly permissions: ReadonlySet<Permission>;
  /** Who runs a lookup by identity number, which may need a second person's approval. */
  readonly userId: number;
  readonly username: string;
}

/**
 * The identity lookups of a request, one text (`benefit_payment:id=…`, sorted by field), or
 * undefined when it filters by no identity field: what a sensitive-query approval names.
 */
function identityLookup(dataset: DatasetType, filters: Readonly<Record<string, string>>): string | undefined {
  const parts = Object.entries(filters)
    .filter(([key]) => {
      const type = dataset.fields.find((f) => f.key === key)?.type;
      return type === 'id' || type === 'subject';
    })
    .map(([key, value]) => `${key}=${value}`)
    .sort();
  return parts.length === 0 ? undefined : `${dataset.key}:${parts.join('&')}`;
}

/** A browser request as the route received it. */
export interface BrowseRequest {
  type: string;
  page: number;
  pageSize: number;
  batchId?: number;
  /** Field key → raw value, from `filter[key]=value`. */
  filters: Record<string, string>;
  reveal: boolean;
  reason?: string;
}

const CASTS: Partial<Record<FieldDef['type'], SqlCast>> = {
  date: 'DATE',
  money: 'DECIMAL(18, 2)',
  int: 'BIGINT',
  bool: 'BOOLEAN',
  decimal: 'DOUBLE PRECISION',
  lat: 'DOUBLE PRECISION',
  lon: 'DOUBLE PRECISION',
};

/**
 * Turns one `filter[key]=value` into a lake condition. The value goes through the same
 * normaliser as an import, so 2024/3/5 finds 2024-03-05; an identifier is looked up by
 * its blind index (null: the lake has never seen it, so nothing matches); a division
 * matches its whole subtree.
 */
async function toCondition(
  services: DatasetServices,
  dataset: DatasetType,
  key: string,
  raw: string,
): Promise<RowCondition | null> {
  const where = `querystring.filter[${key}]`;
  const field = dataset.fields.find((f) => f.key === key);
  if (!field) throw new ValidationError(`${where}: ${dataset.key} has no field ${key}`, where);
  if (field.type === 'datetime')
    throw new ValidationError(`${where}: date-time fields cannot be filtered by equality`, where);
  const result = normaliseValue({ ...field, required: false }, raw);
  if (!result.ok) throw new ValidationError(`${where}: ${result.reason.en}`, where);
  if (result.value === null) throw new ValidationError(`${where}: empty filter`, where);
  if (field.type === 'id' || field.type === 'uscc' || field.type === 'subject') {
    const code = field.type === 'subject' ? (result.value as Subject).code : (result.value as string);
    const subjectKey = await findSubjectKey(services.lake, services.fieldCrypto.blindIndexes(code));
    return subjectKey === undefined ? null : { kind: 'equals', column: `${field.key}_sk`, value: subjectKey };
  }
  if (field.type === 'account') {
    // Accounts are kept as their key in account_index, found by the number's blind index.
    const token = await findAccountToken(services.lake, services.fieldCrypto.blindIndexes(result.value as string));
    return token === undefined ? null : { kind: 'equals', column: key, value: token };
  }
  if (field.type === 'division')
    return { kind: 'prefix', column: key, value: jurisdictionPrefix(result.value as string) };
  const cast = CASTS[field.type];
  return { kind: 'equals', column: key, value: result.value, ...(cast ? { cast } : {}) };
}

/** `filter[key]` entries of the query; any other unknown parameter is refused. */
export function filtersOf(query: Record<string, unknown>, known: readonly string[]): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (known.includes(name)) continue;
    const match = /^filter\[([a-z][a-z0-9_]{0,62})\]$/.exec(name);
    if (!match || typeof value !== 'string')
      throw new ValidationError(`querystring.${name}: unknown parameter`, `querystring.${name}`);
    filters[match[1] as string] = value;
  }
  return filters;
}

/**
 * A page of a dataset's rows inside the viewer's jurisdiction, masked. With `reveal` the
 * personal data is whole: that needs person.read (403) and a reason (400), and is audited
 * as a read of personal data naming the people shown (masked in the trail). A lookup by
 * identity number is audited too, since it asks about one named person.
 */
export async function browseRows(
  services: DatasetServices,
  viewer: RowViewer,
  actor: AuditActor,
  request: BrowseRequest,
): Promise<TRowPage> {
  const dataset = await requireDataset(services.database.db, request.type);
  if (request.reveal && !viewer.permissions.has('person.read')) {
    throw new ForbiddenError('Showing personal data whole needs the person.read permission', 'person_read_required');
  }
  if (request.reveal && (request.reason ?? '').length < 2) {
    throw new ValidationError('querystring.reason: say why personal data is shown whole', 'querystring.reason');
  }
  if (request.batchId !== undefined) {
    const batch = await getVisibleBatch(services, viewer, request.batchId);
    if (batch.dataset_type !== dataset.key) throw new NotFoundError(`Batch ${request.batchId}`, 'batch_not_found');
  }
  const conditions: RowCondition[] = [];
  let matchesNothing = false;
  for (const [key, raw] of Object.entries(request.filters)) {
    const condition = await toCondition(services, dataset, key, raw);
    if (condition === null) matchesNothing = true;
    else conditions.push(condition);
  }
  // Asking whether a named person is in a dataset is a sensitive query (docs/security.md).
  const lookup = identityLookup(dataset, request.filters);
  if (lookup !== undefined) {
    await requireApproval(services, { ...viewer, actor }, 'dataset_search', lookup);
  }
  const page: TRowPage = {
    datasetType: dataset.key,
    items: [],
    total: 0,
    page: request.page,
    pageSize: request.pageSize,
    revealed: request.reveal,
  };
  const people: RowPerson[] = [];
  if (!matchesNothing) {
    const found = await findRows(services.lake, {
      dataset,
      scope: await findRowScope(services.database.db, viewer, dataset.key),
      ...(request.batchId !== undefined ? { batchId: request.batchId } : {}),
      conditions,
      limit: request.pageSize,
      offset: (request.page - 1) * request.pageSize,
    });
    const how = { dataset, crypto: services.fieldCrypto, reveal: request.reveal };
    page.items = found.rows.map((row) => presentRow(row, how, people));
    page.total = found.total;
  }
  await auditRead(services, actor, dataset, request, people);
  return page;
}

async function auditRead(
  services: DatasetServices,
  actor: AuditActor,
  dataset: DatasetType,
  request: BrowseRequest,
  people: RowPerson[],
) {
  const byIdentifier = Object.keys(request.filters).some((key) => {
    const type = dataset.fields.find((f) => f.key === key)?.type;
    return type === 'id' || type === 'subject';
  });
  if (!request.reveal && !byIdentifier) return;
  const distinct = [...new Map(people.map((p) => [p.idNumber, p])).values()];
  const only = distinct.length === 1 ? distinct[0] : undefined;
  await recordAudit(services.database.db, actor, {
    action: request.reveal ? 'person.read' : 'dataset.rows.lookup',
    objectType: 'dataset',
    objectId: dataset.key,
    ...(only ? { subject: { idNumber: only.idNumber, ...(only.name ? { name: only.name } : {}) } } : {}),
    ...(request.reveal ? { reason: request.reason } : {}),
    // Filter values may be identifiers in any raw form, so only their keys are kept;
    // recordAudit masks the identity numbers of the people shown.
    detail: {
      revealed: request.reveal,
      page: request.page,
      filters: Object.keys(request.filters),
      people: distinct.map((p) => p.idNumber),
    },
  });
}

/**
 * Where a row came from: its batch and that batch's file (name, hash, department, who
 * imported it and when) and the rejected-rows report. 404 unless the row is in the lake
 * and inside the viewer's jurisdiction; the batch is shown even when another office
 * imported it, because the row itself is the viewer's to see.
 */
export async function getRowLineage(
  services: DatasetServices,
  viewer: DataViewer,
  type: string,
  batchId: number,
  rowNo: number,
): Promise<TRowLineage> {
  const dataset = await requireDataset(services.database.db, type);
  const db = services.database.db;
  const batch = await db
    .selectFrom('import_batches')
    .selectAll()
    .where('id', '=', batchId)
    .where('dataset_type', '=', dataset.key)
    .executeTakeFirst();
  const scope = await findRowScope(db, viewer, dataset.key);
  if (!batch || !(await isRowVisible(services.lake, dataset, scope, batchId, rowNo))) {
    throw new NotFoundError(`Row ${rowNo} of batch ${batchId}`, 'row_not_found');
  }
  const importer =
    batch.imported_by === null
      ? undefined
      : await db
          .selectFrom('users')
          .innerJoin('organisations', 'organisations.id', 'users.org_id')
          .select(['users.id', 'users.username', 'users.display_name', 'organisations.name as organisation'])
          .where('users.id', '=', batch.imported_by)
          .executeTakeFirst();
  return {
    datasetType: dataset.key,
    batchId,
    rowNo,
    batch: {
      id: batch.id,
      status: batch.status,
      mode: batch.mode,
      forced: batch.forced,
      rowsRead: Number(batch.rows_read),
      rowsLoaded: Number(batch.rows_loaded),
      rowsRejected: Number(batch.rows_rejected),
      replacedBy: batch.replaced_by,
      url: `/api/v1/batches/${batch.id}`,
      qualityUrl: `/api/v1/batches/${batch.id}/quality`,
    },
    file: {
      name: batch.file_name,
      contentHash: batch.content_hash,
      format: batch.format,
      departmentCode: batch.department_code,
      importedBy: importer
        ? {
            id: importer.id,
            username: importer.username,
            displayName: importer.display_name,
            organisation: importer.organisation,
          }
        : null,
      importedAt: new Date(batch.created_at).toISOString(),
      finishedAt: batch.finished_at ? new Date(batch.finished_at).toISOString() : null,
    },
    rejectedReportUrl: Number(batch.rows_rejected) > 0 ? `/api/v1/batches/${batch.id}/rejected` : null,
  };
}
