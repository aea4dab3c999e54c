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

/**
 * A receipt for an entry the reader may see (the jurisdiction rule of the entries API), proving
 * it in the latest signed tree head. An entry committed a moment ago may not be sequenced or
 * covered by a tree head yet: then the log sequences and signs now (as the tree-heads API does
 * for the same readers), so staff never have to wait for the next interval.
 */
export async function assembleReceipt(
  services: TransparencyServices,
  locator: EntryLocator,
  jurisdictionPrefix: string,
) {
  const repository = new TransparencyRepository(services.database.db);
  let entry = await findEntry(repository, locator);
  let head = await repository.findLatestTreeHead();
  if (!entry || !head || Number(head.size) <= Number(entry.idx)) {
    await services.transparency.signNow();
    entry = await findEntry(repository, locator);
    head = await repository.findLatestTreeHead();
  }
  const isVisible =
    entry !== undefined &&
    (jurisdictionPrefix === '' || (entry.division_code !== null && entry.division_code.startsWith(jurisdictionPrefix)));
  const state = await repository.findState();
  if (!isVisible || !entry || !head || !state || Number(head.size) <= Number(entry.idx))
    throw new NotFoundError('Transparency log entry');
  const index = Number(entry.idx);
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
