import type { ColumnAccounting } from '@qingfeng/core';
import type { ApiKeyServices } from './api-key-services.js';
import type { ImportBatch } from '../../db/schema.js';
import type { ApiKeyContext } from '../../http/auth-context.js';
import { AppError, ForbiddenError, ValidationError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { JsonLinesTempFile, type RejectedRow, importJsonLinesFile, readRejectedRows } from '../datasets/index.js';
import { MAX_PUSH_ROWS, type TPushBody } from './api-keys.schemas.js';
import { requireDataset } from '../catalogue/index.js';

/** Rejected-row lines listed in the answer; the full report stays with the batch. */
const INLINE_REJECTED_LIMIT = 1000;

/** A push: the rows (JSON objects, or JSON Lines text) for one dataset type. */
export interface PushRequest {
  datasetType: string;
  body: TPushBody;
  force: boolean;
}

/** What a push did: its batch and the rejected rows, inline. */
export interface PushOutcome {
  batch: ImportBatch;
  rejected: RejectedRow[];
  rejectedTruncated: boolean;
  columns: ColumnAccounting;
}

/**
 * Writes pushed rows as JSON Lines. Objects are written with the union of all their keys
 * (null where a row lacks one), because the reader fixes its header from the first rows and
 * would otherwise report a key that first appears late as an extra cell.
 */
async function writeRows(temp: JsonLinesTempFile, body: TPushBody): Promise<void> {
  if (typeof body === 'string') {
    const lines = body.split('\n').filter((l) => l.trim() !== '').length;
    if (lines > MAX_PUSH_ROWS) {
      throw new ValidationError(`body: at most ${MAX_PUSH_ROWS} rows per push`, 'body', 'too_many_rows');
    }
    await temp.writeText(body.endsWith('\n') ? body : `${body}\n`);
    return;
  }
  const keys = [...new Set(body.rows.flatMap((r) => Object.keys(r)))];
  for (const row of body.rows) await temp.write(Object.fromEntries(keys.map((k) => [k, row[k] ?? null])));
}

async function auditPush(
  services: ApiKeyServices,
  actor: AuditActor,
  key: ApiKeyContext,
  outcome: 'allowed' | 'denied' | 'failed',
  detail: Record<string, unknown>,
) {
  await recordAudit(services.database.db, actor, {
    action: 'api_key.push',
    objectType: 'api_key',
    objectId: key.keyId,
    outcome,
    detail: { keyId: key.keyId, departmentCode: key.orgCode, ...detail },
  });
}

/**
 * Loads one push as one batch through the same import as a file upload (same validation,
 * duplicate check, atomic batch and rejected-rows report), credited to the key's
 * department. A dataset type the key was not granted is a 403; every push, loaded,
 * refused or failed, is audited with the key and the department.
 */
export async function pushRows(
  services: ApiKeyServices,
  actor: AuditActor,
  key: ApiKeyContext,
  request: PushRequest,
): Promise<PushOutcome> {
  if (!key.datasetTypes.has(request.datasetType)) {
    await auditPush(services, actor, key, 'denied', { datasetType: request.datasetType, refusal: 'type_not_granted' });
    throw new ForbiddenError(`This key may not push dataset type ${request.datasetType}`, 'dataset_type_not_granted');
  }
  const dataset = await requireDataset(services.database.db, request.datasetType);
  const temp = await JsonLinesTempFile.create(services.config.dataDir, `push-${dataset.key}`);
  try {
    await writeRows(temp, request.body);
    // The batch belongs to the key's department, whatever the actor says: its rows without
    // a division of their own lie in that department's jurisdiction.
    const outcome = await importJsonLinesFile(services, { ...actor, orgId: key.orgId }, temp, {
      datasetType: dataset.key,
      fileName: `api-push-key${key.keyId}-${dataset.key}.jsonl`,
      departmentCode: key.orgCode,
      force: request.force,
    });
    const { rows, truncated } = await readRejectedRows(outcome.reportPath, INLINE_REJECTED_LIMIT);
    const { batch } = outcome;
    await auditPush(services, actor, key, 'allowed', {
      datasetType: dataset.key,
      batchId: batch.id,
      rowsRead: Number(batch.rows_read),
      rowsLoaded: Number(batch.rows_loaded),
      rowsRejected: Number(batch.rows_rejected),
    });
    return { batch, rejected: rows, rejectedTruncated: truncated, columns: outcome.columns };
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'internal_error';
    await auditPush(services, actor, key, 'failed', { datasetType: dataset.key, error: code });
    throw error;
  } finally {
    await temp.discard();
  }
}
