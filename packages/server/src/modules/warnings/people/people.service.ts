import { maskIdNumber, normaliseIdNumber } from '@qingfeng/core';
import { cachedAtRevision } from '../../../db/revision-cache.js';
import type { WarningServices } from '../warning-services.js';
import { NotFoundError, ValidationError } from '../../../http/errors.js';
import { requireApproval } from '../../approvals/index.js';
import { recordAudit } from '../../audit/index.js';
import { rowJurisdictionOf } from '../../datasets/index.js';
import { divisionCodesIn, findPlaceNames } from '../../organisations/index.js';
import { findSubjectIdentifiers } from '../evidence.lake.js';
import { findWarningMasking } from '../warning-masking.js';
import { presentWarning } from '../warnings.presenter.js';
import { WarningsRepository } from '../warnings.repository.js';
import type { WarningViewer } from '../warnings.service.js';
import { findNamesInScope, findSubjectKeyByHash, findSubjectKeysByName } from './people.lake.js';
import { MAX_PERSON_WARNINGS, type TPerson, type TPersonSearchResult } from './people.schemas.js';

/** A name holds no digit; text with one is read as an identity number. */
const HAS_DIGIT = /[0-9０-９]/;

/** A person searched across all datasets is a sensitive query: it may need a second person's approval first. */
async function approveSearch(services: WarningServices, viewer: WarningViewer, query: string): Promise<void> {
  if (viewer.userId === null) return; // the command line is whoever holds the server
  await requireApproval(services, { ...viewer, userId: viewer.userId }, 'person_search', query);
}

/**
 * Finds people by the beginning of their name or by their identity number, inside the
 * viewer's jurisdiction only. A number is looked up by its blind index (never stored or
 * compared in clear); the person it names is answered only when a row inside the
 * jurisdiction names them or a warning the viewer may read does, so a number known only
 * elsewhere answers exactly as an unknown one. A name is matched in the rows inside the
 * jurisdiction. Every search is audited with what was searched (masked) and how many matched.
 */
export async function searchPeople(
  services: WarningServices,
  viewer: WarningViewer,
  text: string,
): Promise<TPersonSearchResult> {
  const byNumber = HAS_DIGIT.test(text);
  const scope = await rowJurisdictionOf(services.database.db, viewer.jurisdictionPrefix);
  let candidates: number[];
  let idNumber: string | undefined;
  if (byNumber) {
    const parsed = normaliseIdNumber(text);
    if (!parsed.ok) {
      throw new ValidationError(
        `q: 不是有效的身份证号：${parsed.reason.zh} / not a valid identity number: ${parsed.reason.en}`,
        'body.q',
        'invalid_id_number',
      );
    }
    idNumber = parsed.value.id;
    await approveSearch(services, viewer, idNumber);
    const key = await findSubjectKeyByHash(services.lake, services.fieldCrypto.blindIndexes(idNumber));
    candidates = key === undefined ? [] : [key];
  } else {
    await approveSearch(services, viewer, text);
    candidates = await findSubjectKeysByName(services.lake, scope, text);
  }
  const repository = new WarningsRepository(services.database.db);
  const [names, identifiers, counts] = await Promise.all([
    findNamesInScope(services.lake, scope, candidates),
    findSubjectIdentifiers(services.lake, candidates),
    Promise.all(
      candidates.map((key) =>
        repository.countWarnings(viewer.jurisdictionPrefix, { subjectKeys: [key], retired: 'exclude' }),
      ),
    ),
  ]);
  const items = candidates.flatMap((key, i) => {
    const subject = identifiers.get(key);
    const warningCount = counts[i] ?? 0;
    // Seen by the viewer only through their own rows or warnings: nothing says the person exists elsewhere.
    if (!subject || subject.kind !== 'person' || (!names.has(key) && warningCount === 0)) return [];
    const identifier = services.fieldCrypto.decrypt(subject.enc);
    return [
      { subjectKey: String(key), name: names.get(key) ?? null, idNumber: maskIdNumber(identifier), warningCount },
    ];
  });
  await recordAudit(services.database.db, viewer.actor, {
    action: 'person.search',
    objectType: 'person',
    subject: idNumber === undefined ? { name: text } : { idNumber },
    detail: { by: byNumber ? 'id_number' : 'name', matched: items.length },
  });
  return { by: byNumber ? 'id_number' : 'name', items };
}

/**
 * A person's page: their name (as rows inside the viewer's jurisdiction give it), their
 * identity number masked unless `reason` is given, and every warning naming them inside
 * the jurisdiction, newest first, masked as the list masks it. 404 when the key names no
 * person the viewer can see. The read is audited as a look at a person (with the reason
 * and as a read of personal data when revealed), every time.
 *
 * The masked page is the same for every viewer of the jurisdiction, and reads only what
 * moves the warning_reads revision (warnings, batches, divisions; the lake changes only by
 * batches), so it is kept under that revision as the list is; the look is audited anyway.
 * A revealed page is read afresh: no whole identity number is kept in memory.
 */
export async function getPerson(
  services: WarningServices,
  viewer: WarningViewer,
  subjectKey: number,
  reason?: string,
): Promise<TPerson> {
  const unmasked = reason !== undefined;
  const page = unmasked
    ? await readPerson(services, viewer.jurisdictionPrefix, subjectKey, true)
    : await cachedAtRevision(
        services.database,
        'warning_reads',
        JSON.stringify(['person', viewer.jurisdictionPrefix, subjectKey]),
        () => readPerson(services, viewer.jurisdictionPrefix, subjectKey, false),
      );
  await recordAudit(services.database.db, viewer.actor, {
    action: unmasked ? 'person.read' : 'person.view',
    objectType: 'person',
    objectId: subjectKey,
    subject: { idNumber: page.auditedIdNumber, ...(page.person.name === null ? {} : { name: page.person.name }) },
    ...(unmasked ? { reason } : {}),
    detail: { warnings: page.person.total },
  });
  return page.person;
}

/** A person's page as one jurisdiction sees it, and the number the audit entry names (masked there). */
async function readPerson(
  services: WarningServices,
  jurisdictionPrefix: string,
  subjectKey: number,
  unmasked: boolean,
): Promise<{ person: TPerson; auditedIdNumber: string }> {
  const notFound = new NotFoundError(`Person ${subjectKey}`, 'person_not_found');
  const subject = (await findSubjectIdentifiers(services.lake, [subjectKey])).get(subjectKey);
  if (!subject || subject.kind !== 'person') throw notFound;
  const repository = new WarningsRepository(services.database.db);
  const filter = { subjectKeys: [subjectKey], retired: 'include' as const };
  const scope = await rowJurisdictionOf(services.database.db, jurisdictionPrefix);
  const [rows, names] = await Promise.all([
    repository.findWarnings(jurisdictionPrefix, filter, MAX_PERSON_WARNINGS, 0, {
      key: 'lastSeenAt',
      descending: true,
    }),
    findNamesInScope(services.lake, scope, [subjectKey]),
  ]);
  // A page that is not full holds them all: counting is needed only when there may be more.
  const total =
    rows.length < MAX_PERSON_WARNINGS ? rows.length : await repository.countWarnings(jurisdictionPrefix, filter);
  const name = names.get(subjectKey) ?? null;
  if (total === 0 && name === null) throw notFound;
  const identifier = services.fieldCrypto.decrypt(subject.enc);
  const maskingOf = await findWarningMasking(services, rows);
  const places = await findPlaceNames(services.database.db, divisionCodesIn(rows.map((r) => r.division_code)));
  const masked = maskIdNumber(identifier);
  return {
    // The audit trail masks it either way; a kept page keeps only the masked form.
    auditedIdNumber: unmasked ? identifier : masked,
    person: {
      subjectKey: String(subjectKey),
      name,
      idNumber: unmasked ? identifier : masked,
      masked: !unmasked,
      // The warnings stay masked when the number is revealed: the reveal is of the number, not of every explanation.
      warnings: rows.map((row) => presentWarning(row, maskingOf(row), places)),
      total,
    },
  };
}
