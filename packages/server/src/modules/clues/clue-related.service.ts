import type { LocalisedText } from '@qingfeng/core';
import type { Platform } from '../../platform/platform.js';
import { recordAudit } from '../audit/index.js';
import { openClue } from './clue-access.js';
import { commissionDate } from './clue-procedure.js';
import { keptClueRead, keptProblemTypeLabels } from './clue-reads.js';
import { ClueTiesRepository } from './clue-ties.repository.js';
import { presentClueSummary } from './clues.presenter.js';
import { CluesRepository } from './clues.repository.js';
import { RELATED_REASONS, type TClueSummary, type TRelatedClues } from './clues.schemas.js';
import type { ClueViewer } from './clues.service.js';

type RelatedReason = (typeof RELATED_REASONS)[number];

const REASON_LABELS: Record<RelatedReason, LocalisedText> = {
  same_person: { zh: '同一被反映人（身份证号相同）', en: 'Same person (same identity number)' },
  same_unit: { zh: '同一单位（信用代码或名称相同）', en: 'Same unit (same credit code or name)' },
  same_warning_subject: { zh: '同一模型对同一对象的预警', en: "Same model's warning on the same subject" },
};

/**
 * Possible duplicates of a clue and clues related to it, inside the same commission: other
 * clues naming the same person or unit, or made of the same model's warnings on the same
 * subject, each with its reasons and how the two are already tied. Only clues the viewer may
 * open are listed (their jurisdiction, not recused); the clue itself answers 404 otherwise.
 */
export async function listRelatedClues(platform: Platform, viewer: ClueViewer, id: number): Promise<TRelatedClues> {
  const db = platform.database.db;
  const repository = new CluesRepository(db);
  const ties = new ClueTiesRepository(db);
  const clue = await openClue(repository, viewer, id);
  const found = await ties.findRelatedIds(id);
  const reasons = new Map<number, Set<RelatedReason>>();
  for (const { id: other, reason } of found) {
    reasons.set(other, (reasons.get(other) ?? new Set()).add(reason as RelatedReason));
  }
  const [rows, links, labels] = await Promise.all([
    ties.findVisible([...reasons.keys()], clue.org_id, viewer.jurisdictionPrefix, viewer.userId),
    repository.findLinks(id),
    keptProblemTypeLabels(platform.database),
  ]);
  const linked = new Map(links.map((l) => [l.other_clue_id, l.kind]));
  const today = commissionDate(platform.clock.now());
  return {
    items: rows.map((row) => ({
      ...presentClueSummary(row, labels, today),
      reasons: RELATED_REASONS.filter((r) => reasons.get(row.id)!.has(r)).map((code) => ({
        code,
        label: REASON_LABELS[code],
      })),
      linked: linked.get(row.id) ?? null,
    })),
  };
}

/** Most clues one search by identity number lists. */
const MAX_FOUND = 100;

/**
 * The clues of the viewer's jurisdiction naming the person with this identity number,
 * found by its blind indexes (one per key of the ring), newest first, leaving out those the
 * viewer is recused from. The search is audited, without the number.
 */
export async function searchCluesBySubject(
  platform: Platform,
  viewer: ClueViewer,
  idNumber: string,
): Promise<{ items: TClueSummary[] }> {
  const hashes = platform.fieldCrypto.blindIndexes(idNumber);
  const today = commissionDate(platform.clock.now());
  // Kept by blind index, never by the number; every search is audited, kept answer or not.
  const found = await keptClueRead(
    platform.database,
    viewer,
    ['search', viewer.jurisdictionPrefix, today, hashes],
    async (hidden) => {
      const rows = await new ClueTiesRepository(platform.database.db).findBySubjectHashes(
        viewer.jurisdictionPrefix,
        hashes,
        hidden,
        MAX_FOUND,
      );
      const labels = await keptProblemTypeLabels(platform.database);
      return { items: rows.map((row) => presentClueSummary(row, labels, today)) };
    },
  );
  await recordAudit(platform.database.db, viewer.actor, {
    action: 'clue.search',
    objectType: 'clue',
    detail: { by: 'id_number', found: found.items.length },
  });
  return found;
}
