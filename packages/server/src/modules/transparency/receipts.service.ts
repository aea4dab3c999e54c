import { inclusionProof, logHashByName, receiptToJson } from '@qingfeng/core';
import { NotFoundError } from '../../http/errors.js';
import type { TransparencyServices } from './transparency-log.js';
import { type StoredEntry, TransparencyRepository } from './transparency.repository.js';

/** Which entry a receipt is for: by leaf index, or by the source row it logged. */
export type EntryLocator = { index: number } | { kind: string; sourceId: string };

function findEntry(repository: TransparencyRepository, locator: EntryLocator): Promise<StoredEntry | undefined> {
  return 'index' in locator
    ? repository.findEntry(locator.index)
    : repository.findEntryBySource(locator.kind, locator.sourceId);
}

const isVisibleTo = (entry: StoredEntry, jurisdictionPrefix: string) =>
  jurisdictionPrefix === '' || (entry.division_code !== null && entry.division_code.startsWith(jurisdictionPrefix));

/**
 * A receipt for an entry the reader may see (the jurisdiction rule of the entries API), proving
 * it in the latest signed tree head. An entry committed a moment ago may not be sequenced or
 * covered by a tree head yet: then the log sequences, and signs a head for a visible entry no
 * head covers (as the tree-heads API does for the same readers), so staff never wait for the
 * next interval. Nothing is signed for an entry that is missing or out of the reader's reach.
 */
export async function assembleReceipt(
  services: TransparencyServices,
  locator: EntryLocator,
  jurisdictionPrefix: string,
) {
  const repository = new TransparencyRepository(services.database.db);
  let entry = await findEntry(repository, locator);
  if (!entry) {
    await services.transparency.sequence();
    entry = await findEntry(repository, locator);
  }
  if (!entry || !isVisibleTo(entry, jurisdictionPrefix)) throw new NotFoundError('Transparency log entry');
  const index = Number(entry.idx);
  let head = await repository.findLatestTreeHead();
  if (!head || Number(head.size) <= index) head = await services.transparency.signNow();
  const state = await repository.findState();
  if (!head || !state || Number(head.size) <= index) throw new NotFoundError('Transparency log entry');
  const treeSize = Number(head.size);
  return receiptToJson({
    origin: state.origin,
    hash: state.hash_name,
    index,
    treeSize,
    entry: entry.entry,
    inclusionPath: await inclusionProof(logHashByName(state.hash_name), repository, index, treeSize),
    checkpoint: head.note,
  });
}
