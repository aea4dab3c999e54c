import type { Permission } from '@qingfeng/core';
import type { WarningServices } from './warning-services.js';
import { cachedAtRevision } from '../../db/revision-cache.js';
import type { WarningStatus } from '../../db/schema.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { rowJurisdictionOf } from '../datasets/index.js';
import { divisionCodesIn, findPlaceNames } from '../organisations/index.js';
import { divisionValuesOf, placesRecord } from './evidence.presenter.js';
import { presentEvent, presentFacts, presentWarning } from './warnings.presenter.js';
import { type WarningFilter, type WarningSort, WarningsRepository } from './warnings.repository.js';
import { findWarningGuidance } from './warning-guidance.js';
import type { TWarningDetail, TWarningPage } from './warnings.schemas.js';
import { countFromCells, countsAnswer, keepWarningCountsFolded } from './warning-counts.js';
import { decodeCursor, encodeCursor } from './warning-sort.js';
import { findWarningMasking } from './warning-masking.js';
import { type ViewedEvidence, viewEvidence } from './warning-evidence.js';
import { STATUS_WORDS } from './warning-words.js';

/** Who is looking at or handling warnings, and over which divisions. */
export interface WarningViewer {
  jurisdictionPrefix: string;
  actor: AuditActor;
  userId: number | null;
  username: string;
  permissions: ReadonlySet<Permission>;
}

/** Statuses a handler must explain: the warning will not lead anywhere. */
const REASON_REQUIRED: ReadonlySet<WarningStatus> = new Set(['false_positive', 'not_actionable']);

/** A filter by dates is counted no further than this: beyond it the list says "at least". */
export const WARNING_COUNT_LIMIT = 10_000;

/** Which page of the list: by keyset (`after` or `before` a cursor) or, without one, `page` rows from the start. */
export interface WarningPageRequest {
  page: number;
  pageSize: number;
  sort: WarningSort;
  after?: string;
  before?: string;
}

/**
 * How many warnings the list holds: from the counts kept as warnings change (a read of a few
 * thousand cells, exact) when the filter is one they answer, else counted up to
 * WARNING_COUNT_LIMIT (a person's or a period's warnings).
 */
async function totalOf(services: WarningServices, prefix: string, filter: WarningFilter) {
  if (countsAnswer(filter)) {
    await keepWarningCountsFolded(services);
    return { total: await countFromCells(services.database.db, prefix, filter), totalIsAtLeast: false };
  }
  const counted = await new WarningsRepository(services.database.db).countWarningsUpTo(
    prefix,
    filter,
    WARNING_COUNT_LIMIT + 1,
  );
  return counted > WARNING_COUNT_LIMIT
    ? { total: WARNING_COUNT_LIMIT, totalIsAtLeast: true }
    : { total: counted, totalIsAtLeast: false };
}

/**
 * A page of warnings inside the viewer's jurisdiction, newest first unless sorted, masked: a list is
 * never revealed, so no explanation shows the birth date of a person it names. Kept while the
 * store is unchanged (db/revision-cache.ts).
 */
export async function listWarnings(
  services: WarningServices,
  viewer: WarningViewer,
  filter: WarningFilter,
  request: WarningPageRequest,
): Promise<TWarningPage> {
  const { page, pageSize, sort, after, before } = request;
  // A cursor made for another sort is refused before anything is read.
  const seek =
    after !== undefined
      ? decodeCursor(sort, after, true, 'after')
      : before !== undefined
        ? decodeCursor(sort, before, false, 'before')
        : undefined;
  // The page is the same for every viewer of the jurisdiction (always masked), so it is
  // read once per change of the store, not once per person opening the list.
  const key = JSON.stringify(['warnings', viewer.jurisdictionPrefix, filter, request]);
  return cachedAtRevision(services.database, 'warning_reads', key, async () => {
    const repository = new WarningsRepository(services.database.db);
    // One row more than the page tells whether another page follows it (or, reading back, precedes it).
    const [read, counted] = await Promise.all([
      repository.findWarnings(viewer.jurisdictionPrefix, filter, pageSize + 1, (page - 1) * pageSize, sort, seek),
      totalOf(services, viewer.jurisdictionPrefix, filter),
    ]);
    const more = read.length > pageSize;
    const rows = more ? (seek?.after === false ? read.slice(1) : read.slice(0, pageSize)) : read;
    const first = rows[0];
    const last = rows[rows.length - 1];
    // Reading back, the extra row says whether a page precedes; the next page always follows.
    const hasNext = seek?.after === false ? true : more;
    const hasPrev = seek?.after === false ? more : seek !== undefined || page > 1;
    const maskingOf = await findWarningMasking(services, rows);
    const places = await findPlaceNames(services.database.db, divisionCodesIn(rows.map((r) => r.division_code)));
    return {
      items: rows.map((row) => presentWarning(row, maskingOf(row), places)),
      ...counted,
      page,
      pageSize,
      nextCursor: hasNext && last ? encodeCursor(sort, last.sort_value, last.id) : null,
      prevCursor: hasPrev && first ? encodeCursor(sort, first.sort_value, first.id) : null,
    };
  });
}

/**
 * One warning with its evidence rows read from the lake, side by side. Identity, phone and
 * bank account numbers, and the birth dates the identity numbers hold, are masked unless
 * the viewer holds person.read and gives a reason; that read is audited as a read of
 * personal data (the subject masked in the trail). 404 outside the viewer's jurisdiction.
 */
export async function getWarningDetail(
  services: WarningServices,
  viewer: WarningViewer,
  id: number,
  reason?: string,
): Promise<TWarningDetail> {
  const repository = new WarningsRepository(services.database.db);
  const warning = await repository.findWarning(viewer.jurisdictionPrefix, id);
  if (!warning) throw new NotFoundError(`Warning ${id}`, 'warning_not_found');
  const unmasked = reason !== undefined;
  if (unmasked && !viewer.permissions.has('person.read')) {
    throw new ForbiddenError(
      '查看完整身份信息需要 person.read 权限 / whole identity numbers need person.read',
      'person_read_required',
    );
  }
  const [evidence, events, guidance] = await Promise.all([
    repository.findEvidence(id),
    repository.findEvents(id),
    findWarningGuidance(services.database.db, warning.model_id, warning.model_version),
  ]);
  // A county's handler sees the evidence rows inside the county; a row of another
  // jurisdiction (a death registered by a neighbour) is named but its values are withheld.
  const scope = await rowJurisdictionOf(services.database.db, viewer.jurisdictionPrefix);
  const [viewed] = await viewEvidence(services, scope, [{ warning, evidence }], unmasked);
  const { masking, identifiers, evidence: shown } = viewed as ViewedEvidence;
  const subject = warning.subject_key === null ? undefined : identifiers.get(Number(warning.subject_key));
  await recordAudit(services.database.db, viewer.actor, {
    action: unmasked ? 'person.read' : 'warning.read',
    objectType: 'warning',
    objectId: id,
    ...(unmasked ? { reason } : {}),
    ...(unmasked && subject ? { subject: { idNumber: services.fieldCrypto.decrypt(subject.enc) } } : {}),
    detail: { modelId: warning.model_id, evidenceRows: evidence.length },
  });
  const codes = [warning.division_code, ...shown.flatMap((e) => divisionValuesOf(e.dataset, e.values))];
  const places = await findPlaceNames(services.database.db, divisionCodesIn(codes));
  return {
    ...presentWarning(warning, masking, places),
    ...guidance,
    facts: presentFacts(warning, masking),
    places: placesRecord(divisionCodesIn(codes), places),
    masked: !unmasked,
    evidence: shown,
    events: events.map((event) => presentEvent(event, masking)),
  };
}

/**
 * Changes the status of warnings inside the viewer's jurisdiction, all or none, each change
 * recorded as an event and audited in the same transaction. A false positive or a warning
 * not actionable needs a reason (400); any id outside the jurisdiction is a 404.
 */
export async function changeWarningStatus(
  services: WarningServices,
  viewer: WarningViewer,
  ids: readonly number[],
  status: WarningStatus,
  reason: string | undefined,
): Promise<number[]> {
  const why = reason?.trim() || null;
  if (REASON_REQUIRED.has(status) && !why) {
    throw new ValidationError(
      `reason: 标记为“${STATUS_WORDS[status].zh}”须说明理由 / a reason is required to mark a warning ${STATUS_WORDS[status].en.toLowerCase()}`,
      'body.reason',
      'reason_required',
    );
  }
  const unique = [...new Set(ids)];
  return services.database.db.transaction().execute(async (trx) => {
    const repository = new WarningsRepository(trx);
    const found = await repository.lockWarnings(viewer.jurisdictionPrefix, unique);
    const missing = unique.filter((id) => !found.some((w) => w.id === id));
    if (missing.length > 0) throw new NotFoundError(`Warning ${missing.join(', ')}`, 'warning_not_found');
    if (unique.length === 1 && found[0]?.status === status) {
      throw new ConflictError(
        `预警已是“${STATUS_WORDS[status].zh}” / the warning is already ${STATUS_WORDS[status].en.toLowerCase()}`,
        'body.status',
        'status_unchanged',
      );
    }
    const changed: number[] = [];
    const now = services.clock.now();
    for (const warning of found) {
      if (warning.status === status) continue;
      await repository.updateStatus(warning.id, status, why, now);
      await repository.insertEvent({
        warningId: warning.id,
        from: warning.status,
        to: status,
        reason: why,
        userId: viewer.userId,
        username: viewer.username,
      });
      await recordAudit(trx, viewer.actor, {
        action: 'warning.status',
        objectType: 'warning',
        objectId: warning.id,
        ...(why ? { reason: why } : {}),
        detail: { from: warning.status, to: status, modelId: warning.model_id },
      });
      changed.push(warning.id);
    }
    return changed;
  });
}
