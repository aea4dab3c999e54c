import {
  checkNoteSignatures,
  checkReceipt,
  compareCheckpoints,
  type Checkpoint,
  type LogHashName,
  logHashByName,
  type LogPublicKey,
  needsConsistencyProof,
  parseCheckpoint,
  parseReceipt,
  type Receipt,
  type ReceiptProblem,
  type ReceiptReport,
  parseSignedNote,
} from '@qingfeng/core';
import { fetchConsistencyProof, fetchLatestCheckpointNote } from '../../api/transparency';

/** The log as its public keys API describes it: what a receipt is checked against. */
export interface PublishedLog {
  origin: string;
  hash: LogHashName;
  keys: LogPublicKey[];
}

/** A receipt's text checked: either it could not be read, or the report of every step. */
export type Verification = { problem: ReceiptProblem } | { receipt: Receipt; report: ReceiptReport };

/** Reads and checks a receipt, all in this browser. */
export function verifyReceiptText(text: string, log: PublishedLog): Verification {
  const parsed = parseReceipt(text.trim());
  if ('error' in parsed) return { problem: parsed.error };
  return { receipt: parsed.receipt, report: checkReceipt(parsed.receipt, log) };
}

/** How the receipt's tree head stands to the log today. */
export type ConsistencyOutcome =
  | { status: 'consistent'; size: number }
  | { status: 'rollback' | 'fork'; size: number }
  | { status: 'unsigned-today' }
  | { status: 'unreachable'; reason: string };

/**
 * Fetches today's signed checkpoint and the consistency proof from the receipt's tree to it
 * (both public), checks today's signatures against the published keys and the proof here.
 */
export async function checkAgainstToday(
  receipt: Receipt,
  earlier: Checkpoint,
  log: PublishedLog,
): Promise<ConsistencyOutcome> {
  const hash = logHashByName(receipt.hash);
  let noteText: string;
  try {
    noteText = await fetchLatestCheckpointNote();
  } catch (error) {
    return { status: 'unreachable', reason: error instanceof Error ? error.message : String(error) };
  }
  const note = parseSignedNote(noteText);
  const latest = note && parseCheckpoint(note.text, hash.size);
  const isSigned =
    note !== null &&
    log.keys.length > 0 &&
    checkNoteSignatures(note, log.keys).every((check) => check.outcome === 'valid');
  if (!latest || !isSigned || latest.origin !== log.origin) return { status: 'unsigned-today' };
  let proof: Uint8Array[] = [];
  if (needsConsistencyProof(earlier, latest)) {
    try {
      proof = await fetchConsistencyProof(earlier.size, latest.size);
    } catch (error) {
      return { status: 'unreachable', reason: error instanceof Error ? error.message : String(error) };
    }
  }
  return { status: compareCheckpoints(hash, earlier, latest, proof), size: latest.size };
}
