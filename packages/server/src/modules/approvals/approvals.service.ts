import { maskPersonalDataInText, normaliseIdNumber, type Permission } from '@qingfeng/core';
import type { SensitiveRequestKind } from '../../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../../http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { readSensitiveQueryApproval } from '../roles/index.js';
import { ApprovalsRepository } from './approvals.repository.js';
import { presentRequest } from './approvals.presenter.js';
import type { TCreateRequest, TSensitiveRequest } from './approvals.schemas.js';

/*
 * Sensitive queries under four eyes. When the security administrator turns the policy on, a
 * person searched across all datasets, a dataset searched by identity number, or a batch's
 * rejected rows downloaded with their values whole, runs only once a second person holding sensitive.approve in the requester's jurisdiction (never the
 * requester) has approved that very query; the approval is good for one run within
 * APPROVAL_VALID_MS. Every step is audited.
 */

/** How long an approval may wait to be used: a working day and a night. */
export const APPROVAL_VALID_MS = 24 * 60 * 60 * 1000;

const LIST_LIMIT = 200;

/** Who asks, decides or runs: a signed-in user. */
export interface ApprovalViewer {
  userId: number;
  username: string;
  jurisdictionPrefix: string;
  permissions: ReadonlySet<Permission>;
  actor: AuditActor;
}

/** What a query needs to be matched: the platform's blind index and clock, and the store. */
export type ApprovalServices = Pick<Platform, 'database' | 'fieldCrypto' | 'clock'>;

/** Which permissions a kind of query needs of whoever asks for it. */
const NEEDS: Record<SensitiveRequestKind, readonly Permission[]> = {
  person_search: ['warning.read', 'person.read'],
  dataset_search: ['dataset.read'],
  rejected_download: ['dataset.import'],
};

/**
 * The one text a query is matched by: trimmed, and any identity number in it written the
 * standard way (`x` → `X`, 15 digits → 18), so the approved query and the one run agree.
 */
export function canonicalQuery(query: string): string {
  return query.trim().replace(/[0-9０-９][0-9０-９xX\s-]{13,}[0-9０-９xX]/g, (m) => {
    const parsed = normaliseIdNumber(m);
    return parsed.ok ? parsed.value.id : m;
  });
}

function matchText(kind: SensitiveRequestKind, query: string): string {
  return `${kind}\n${canonicalQuery(query)}`;
}

/** Asks for approval of a query; needs the permissions the query itself needs. */
export async function createRequest(
  services: ApprovalServices,
  viewer: ApprovalViewer,
  input: TCreateRequest,
): Promise<TSensitiveRequest> {
  if (!NEEDS[input.kind].every((p) => viewer.permissions.has(p))) {
    throw new ForbiddenError('You may not run this query, so you may not ask for it', 'forbidden');
  }
  const masked = maskPersonalDataInText(canonicalQuery(input.query));
  const row = await services.database.db.transaction().execute(async (trx) => {
    const created = await new ApprovalsRepository(trx).insert({
      kind: input.kind,
      query_masked: masked,
      query_hash: services.fieldCrypto.blindIndex(matchText(input.kind, input.query)),
      reason: input.reason,
      requested_by: viewer.userId,
      requested_by_name: viewer.username,
      owner_prefix: viewer.jurisdictionPrefix,
    });
    await recordAudit(trx, viewer.actor, {
      action: 'sensitive.request',
      objectType: 'sensitive_request',
      objectId: created.id,
      reason: input.reason,
      detail: { kind: input.kind, query: masked },
    });
    return created;
  });
  return presentRequest(row, services.clock.now());
}

/** One's own requests, newest first, or the pending requests of others one may decide. */
export async function listRequests(
  services: ApprovalServices,
  viewer: ApprovalViewer,
  view: 'mine' | 'to_decide',
): Promise<{ items: TSensitiveRequest[]; approvalRequired: boolean }> {
  const repository = new ApprovalsRepository(services.database.db);
  if (view === 'to_decide' && !viewer.permissions.has('sensitive.approve')) {
    throw new ForbiddenError('Deciding sensitive queries needs the sensitive.approve permission', 'forbidden');
  }
  const rows =
    view === 'mine'
      ? await repository.findByRequester(viewer.userId, LIST_LIMIT)
      : await repository.findPendingFor(viewer.jurisdictionPrefix, viewer.userId, LIST_LIMIT);
  const now = services.clock.now();
  return {
    items: rows.map((row) => presentRequest(row, now)),
    approvalRequired: await readSensitiveQueryApproval(services.database.db),
  };
}

/**
 * Approves or refuses another user's pending request made inside one's jurisdiction. A
 * request of another county is a 404, exactly as an unknown one; one's own is a 403.
 */
export async function decideRequest(
  services: ApprovalServices,
  viewer: ApprovalViewer,
  id: number,
  decision: { decision: 'approve' | 'refuse'; note?: string | undefined },
): Promise<TSensitiveRequest> {
  const repository = new ApprovalsRepository(services.database.db);
  const row = await repository.findById(id);
  if (!row || !row.owner_prefix.startsWith(viewer.jurisdictionPrefix)) throw new NotFoundError('Request');
  if (row.requested_by === viewer.userId) {
    throw new ForbiddenError('Nobody approves their own sensitive query', 'own_request');
  }
  const now = services.clock.now();
  const decided = await services.database.db.transaction().execute(async (trx) => {
    const approved = decision.decision === 'approve';
    const updated = await new ApprovalsRepository(trx).decide(id, {
      status: approved ? 'approved' : 'refused',
      decided_by: viewer.userId,
      decided_by_name: viewer.username,
      decision_note: decision.note ?? null,
      decided_at: now,
      valid_until: approved ? new Date(now.getTime() + APPROVAL_VALID_MS) : null,
    });
    if (!updated) throw new ConflictError('The request has already been decided', undefined, 'already_decided');
    await recordAudit(trx, viewer.actor, {
      action: approved ? 'sensitive.approve' : 'sensitive.refuse',
      objectType: 'sensitive_request',
      objectId: id,
      ...(decision.note ? { reason: decision.note } : {}),
      detail: { kind: updated.kind, query: updated.query_masked, requestedBy: updated.requested_by_name },
    });
    return updated;
  });
  return presentRequest(decided, now);
}

/**
 * Lets a sensitive query run: at once where the policy is off; otherwise only by using up
 * the viewer's approved, unexpired request for exactly this query (403 `approval_required`
 * when there is none, audited as denied). Call it after the caller's own checks.
 */
export async function requireApproval(
  services: ApprovalServices,
  viewer: ApprovalViewer,
  kind: SensitiveRequestKind,
  query: string,
): Promise<void> {
  const db = services.database.db;
  if (!(await readSensitiveQueryApproval(db))) return;
  const hashes = services.fieldCrypto.blindIndexes(matchText(kind, query));
  const used = await new ApprovalsRepository(db).useApproved(kind, viewer.userId, hashes, services.clock.now());
  const detail = { kind, query: maskPersonalDataInText(canonicalQuery(query)) };
  if (used) {
    await recordAudit(db, viewer.actor, {
      action: 'sensitive.use',
      objectType: 'sensitive_request',
      objectId: used.id,
      detail: { ...detail, approvedBy: used.decided_by_name },
    });
    return;
  }
  await recordAudit(db, viewer.actor, { action: 'sensitive.use', outcome: 'denied', detail });
  throw new ForbiddenError(
    '该查询须经他人审批后方可执行 / this query needs a second person’s approval first',
    'approval_required',
  );
}
