import type { verifyZh } from './verify-zh';

/** English for the public receipt verifier and the audit log's "download receipt". */
export const verifyEn: Record<keyof typeof verifyZh, string> = {
  'verify.title': 'Verify a log receipt',
  'verify.intro':
    'Paste or upload a receipt of the tamper-evident log. Every hash and signature is checked in this browser; the receipt is not sent to the server.',
  'verify.keys': "The log's public keys",
  'verify.keysHint': 'Compare each fingerprint with the one published through another channel.',
  'verify.keys.origin': 'Log name',
  'verify.keys.hash': 'Hash',
  'verify.keys.fingerprint': 'Fingerprint',
  'verify.keys.failed': "Could not fetch the log's public keys: {reason}",
  'verify.receipt': 'Receipt',
  'verify.receipt.placeholder': 'Paste the receipt (JSON) here',
  'verify.receipt.upload': 'Upload a receipt file',
  'verify.receipt.check': 'Verify',
  'verify.receipt.loaded': 'Read the file {name}',
  'verify.result.valid': 'Verified: the entry is in a tree head the log signed',
  'verify.result.invalid': 'Not verified',
  'verify.step.receipt': 'Receipt format',
  'verify.step.checkpoint': 'Signed tree head (checkpoint)',
  'verify.step.signatures': "Tree head's signatures",
  'verify.step.inclusion': "Entry's inclusion proof",
  'verify.step.consistency': "Consistent with today's log",
  'verify.status.passed': 'Passed',
  'verify.status.failed': 'Failed',
  'verify.status.skipped': 'Not run',
  'verify.passed.receipt': 'The receipt is well formed.',
  'verify.passed.checkpoint': 'The checkpoint is of the log {origin}, with {size} entries.',
  'verify.passed.signatures': 'Every key the log publishes signed this checkpoint, and each signature is valid.',
  'verify.passed.inclusion':
    "The entry's leaf hash {leaf}, taken up its inclusion path, gives the checkpoint's root hash.",
  'verify.passed.consistency':
    "Today's log ({size} entries) starts with the receipt's tree: nothing recorded up to it was rewritten.",
  'verify.skipped': 'Not run, since an earlier step failed.',
  'verify.problem.not-json': 'This is not valid JSON.',
  'verify.problem.missing': 'The field {field} is missing.',
  'verify.problem.wrong-type': 'The field {field} has the wrong type or value.',
  'verify.problem.not-base64': 'The field {field} is not standard base64.',
  'verify.problem.unknown-format': 'This is not a receipt of this system (the format field).',
  'verify.problem.unknown-hash': 'The hash (the hash field) is not one the log uses.',
  'verify.failure.note-malformed': 'The checkpoint is not a well-formed signed note.',
  'verify.failure.checkpoint-malformed': "The checkpoint's lines (log name, size, root hash) are malformed.",
  'verify.failure.origin-mismatch': 'The checkpoint or the receipt is of another log, not {origin}.',
  'verify.failure.size-mismatch': "The receipt's tree size differs from the checkpoint's.",
  'verify.failure.no-keys': 'The log publishes no keys, so no signature can be checked.',
  'verify.failure.signature-missing': 'A key of the log did not sign: {keys}.',
  'verify.failure.signature-invalid':
    'A signature is invalid (the checkpoint was changed, or the log did not sign it): {keys}.',
  'verify.failure.index-outside-tree': "The entry's index is outside the tree.",
  'verify.failure.root-mismatch':
    "The leaf hash {leaf} recomputed from the entry, taken up the inclusion path, does not give the checkpoint's root hash: the entry or the path was changed.",
  'verify.failure.rollback':
    "Today's log ({size} entries) is smaller than the receipt's tree: the log was rolled back.",
  'verify.failure.fork':
    "Today's log ({size} entries) does not start with the receipt's tree: the log was rewritten or forked.",
  'verify.failure.unsigned-today': "Today's checkpoint lacks a valid signature by the log's keys.",
  'verify.failure.unreachable': "Could not fetch today's checkpoint or the consistency proof: {reason}",
  'verify.consistency.check': "Compare with today's log",
  'verify.consistency.hint':
    "Optional: fetch the log's current signed tree head and a consistency proof, to confirm the receipt's tree was not rewritten.",
  'verify.entry': 'The entry',
  'verify.entry.kind': 'Kind',
  'verify.entry.index': 'Index',
  'verify.entry.undecodable': 'The entry bytes are not a canonically encoded entry.',
  'verify.link': 'Verify a log receipt',
  'verify.download': 'Download log receipt',
};
