import { encodeBase64 } from './bytes.js';
import { type Checkpoint, parseCheckpoint } from './checkpoint.js';
import { decodeEntry, type LogEntry } from './entry.js';
import { hashLeaf, logHashByName } from './log-hash.js';
import { checkNoteSignatures, type KeySignatureCheck, type LogPublicKey } from './note-verify.js';
import type { Receipt } from './receipt.js';
import { parseSignedNote } from './signed-note.js';
import { verifyInclusion } from './verify.js';

/**
 * The checks a receipt goes through, in order; each names why it failed, so the verifier page
 * can say which step broke in words. A step after a failed one is not run ('skipped').
 */
export type ReceiptStepName = 'checkpoint' | 'signatures' | 'inclusion';

export type ReceiptFailure =
  // checkpoint
  | 'note-malformed'
  | 'checkpoint-malformed'
  | 'origin-mismatch'
  | 'size-mismatch'
  // signatures
  | 'no-keys'
  | 'signature-missing'
  | 'signature-invalid'
  // inclusion
  | 'index-outside-tree'
  | 'root-mismatch';

export interface ReceiptStep {
  readonly step: ReceiptStepName;
  readonly status: 'passed' | 'failed' | 'skipped';
  readonly failure?: ReceiptFailure;
}

export interface ReceiptReport {
  readonly steps: readonly ReceiptStep[];
  readonly isValid: boolean;
  /** The receipt's checkpoint, when it could be read (the consistency check starts from it). */
  readonly checkpoint: Checkpoint | null;
  readonly signatures: readonly KeySignatureCheck[];
  /** HASH(0x00 || entry) as recomputed here, base64. */
  readonly leafHash: string;
  /** The entry read back (kind and body), or null when its bytes are not a canonical entry. */
  readonly entry: LogEntry | null;
}

type StepResult = { failure?: ReceiptFailure };

/**
 * Checks a receipt against the log's published keys and origin: the checkpoint is the log's
 * and of the receipt's tree size, every published key signed it, and the entry's recomputed
 * leaf hash with the inclusion path gives the checkpoint's root hash.
 */
export function checkReceipt(receipt: Receipt, log: { origin: string; keys: readonly LogPublicKey[] }): ReceiptReport {
  const hash = logHashByName(receipt.hash);
  const leafHash = hashLeaf(hash, receipt.entry);
  const note = parseSignedNote(receipt.checkpoint);
  const checkpoint = note ? parseCheckpoint(note.text, hash.size) : null;
  const signatures = note ? checkNoteSignatures(note, log.keys) : [];

  const checks: [ReceiptStepName, () => StepResult][] = [
    [
      'checkpoint',
      () => {
        if (!note) return { failure: 'note-malformed' };
        if (!checkpoint) return { failure: 'checkpoint-malformed' };
        if (checkpoint.origin !== log.origin || receipt.origin !== log.origin) return { failure: 'origin-mismatch' };
        return checkpoint.size === receipt.treeSize ? {} : { failure: 'size-mismatch' };
      },
    ],
    [
      'signatures',
      () => {
        if (log.keys.length === 0) return { failure: 'no-keys' };
        if (signatures.some((s) => s.outcome === 'invalid')) return { failure: 'signature-invalid' };
        return signatures.some((s) => s.outcome === 'missing') ? { failure: 'signature-missing' } : {};
      },
    ],
    [
      'inclusion',
      () => {
        if (receipt.index >= receipt.treeSize) return { failure: 'index-outside-tree' };
        const root = (checkpoint as Checkpoint).rootHash;
        const isIncluded = verifyInclusion(
          hash,
          receipt.index,
          receipt.treeSize,
          leafHash,
          receipt.inclusionPath,
          root,
        );
        return isIncluded ? {} : { failure: 'root-mismatch' };
      },
    ],
  ];

  const steps: ReceiptStep[] = [];
  let hasFailed = false;
  for (const [step, run] of checks) {
    if (hasFailed) {
      steps.push({ step, status: 'skipped' });
      continue;
    }
    const { failure } = run();
    hasFailed = failure !== undefined;
    steps.push(failure ? { step, status: 'failed', failure } : { step, status: 'passed' });
  }
  return {
    steps,
    isValid: !hasFailed,
    checkpoint,
    signatures,
    leafHash: encodeBase64(leafHash),
    entry: decodeEntry(receipt.entry),
  };
}
