import {
  type LedgerEntry,
  PROPERTY_KIND_LABELS,
  PROPERTY_PLACE_LABELS,
  applyLedgerEntry,
  buildLedger,
  ledgerBalance,
  whereIs,
} from '@qingfeng/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { StepRefusedError } from '../../http/errors.js';
import type { Platform } from '../../platform/platform.js';
import { recordAudit } from '../audit/index.js';
import { commissionTime } from '../clues/index.js';
import { type CaseViewer, lockCase, openCase } from './case-access.js';
import { CasesRepository } from './cases.repository.js';
import type { TPropertyEntry } from './case-property.schemas.js';

async function ledgerOf(db: Kysely<DB>, caseId: number) {
  const rows = await new CasesRepository(db).findPropertyEntries(caseId);
  return { rows, ledger: buildLedger(rows.map((r) => r.entry as LedgerEntry)).ledger };
}

/** The case's ledger: each item, where it is now and how much, the totals by place, and whether it balances. */
export async function getLedger(platform: Platform, viewer: CaseViewer, id: number) {
  const db = platform.database.db;
  await openCase(db, viewer, id);
  const { rows, ledger } = await ledgerOf(db, id);
  const balance = ledgerBalance(ledger, String(id));
  return {
    items: Object.values(ledger.items).map((item) => ({
      itemId: item.itemId,
      kind: item.kind,
      kindLabel: PROPERTY_KIND_LABELS[item.kind],
      description: item.description,
      unit: item.unit,
      registered: item.registered,
      locations: whereIs(ledger, item.itemId).map((l) => ({
        place: l.location.place,
        placeLabel: PROPERTY_PLACE_LABELS[l.location.place],
        where: l.location.where,
        quantity: l.quantity,
      })),
    })),
    balance: { registered: balance.registered, totals: balance.totals, balanced: balance.balanced },
    entries: rows.map((r) => ({
      id: String(r.id),
      itemId: r.item_id,
      type: r.type,
      entry: r.entry as Record<string, unknown>,
      actorName: r.actor_name,
      at: r.at,
    })),
  };
}

/**
 * Adds one entry to the case's ledger: a registration (the server numbers the item) or a
 * movement. The core decides whether it can be (a move of more than is there, a route the
 * procedure forbids, a disposal without its authority are refused with a 422), so the
 * stored entries always replay into a balanced ledger. The case row is locked: one entry at a time.
 */
export async function addLedgerEntry(platform: Platform, viewer: CaseViewer, id: number, input: TPropertyEntry) {
  const now = platform.clock.now();
  await platform.database.db.transaction().execute(async (trx) => {
    await lockCase(trx, viewer, id);
    const { ledger } = await ledgerOf(trx, id);
    const at = commissionTime(now);
    const actorId = String(viewer.userId);
    const entry: LedgerEntry =
      input.type === 'register'
        ? { ...input, itemId: `P${Object.keys(ledger.items).length + 1}`, caseId: String(id), at, actorId }
        : { ...input, authority: input.authority ?? null, at, actorId };
    const result = applyLedgerEntry(ledger, entry);
    if (!result.ok) throw new StepRefusedError(422, 'ledger_refused', result.reason);
    await new CasesRepository(trx).appendPropertyEntry({
      case_id: id,
      item_id: entry.itemId,
      type: entry.type,
      entry,
      actor_id: viewer.userId,
      actor_name: viewer.displayName,
      at: now,
    });
    await recordAudit(trx, viewer.actor, {
      action: `case.property.${entry.type}`,
      objectType: 'case',
      objectId: id,
      detail: { itemId: entry.itemId, quantity: entry.quantity, to: entry.to.place },
    });
  });
}
