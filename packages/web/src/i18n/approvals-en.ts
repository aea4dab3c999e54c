import type { approvalsZh } from './approvals-zh';

/** English for sensitive-query approvals: asking, deciding, and the requester's status. */
export const approvalsEn: Record<keyof typeof approvalsZh, string> = {
  'nav.approvals': 'Query approvals',
  'approvals.title': 'Sensitive query approvals',
  'approvals.hint':
    'When the security administrator turns approvals on, searching a person across all datasets or a dataset by identity number needs the consent of another person of your jurisdiction who may approve; once approved it may be run once within 24 hours. Requests, decisions and runs are all recorded in the audit trail.',
  'approvals.policyOff': 'Approvals are off: queries run at once.',
  'approvals.mine': 'My requests',
  'approvals.toDecide': 'To decide',
  'approvals.none': 'No requests',
  'approvals.kind.person_search': 'Person search',
  'approvals.kind.dataset_search': 'Dataset search by identity number',
  'approvals.kind.rejected_download': "A batch's rejected rows, values whole",
  'approvals.batchQuery': 'Import batch {id}',
  'approvals.status.pending': 'Waiting',
  'approvals.status.approved': 'Approved: may be run once',
  'approvals.status.refused': 'Refused',
  'approvals.status.used': 'Run',
  'approvals.status.expired': 'Expired',
  'approvals.query': 'Query',
  'approvals.reason': 'Reason',
  'approvals.requestedBy': 'Asked by',
  'approvals.decidedBy': 'Decided by',
  'approvals.validUntil': 'Valid until',
  'approvals.note': 'Note',
  'approvals.approve': 'Approve',
  'approvals.refuse': 'Refuse',
  'approvals.decided': 'Done',
  'approvals.required': 'This query needs another person’s approval first.',
  'approvals.ask': 'Ask for approval',
  'approvals.askTitle': 'Ask for approval of a sensitive query',
  'approvals.reasonHint':
    'Say why this query is needed; the approver decides on it, and it is kept in the audit trail.',
  'approvals.asked': 'Request sent. Once it is approved, run the same query again.',
  'approvals.policy': 'Sensitive queries need a second person',
  'approvals.policyHint':
    'When on, searching a person across all datasets or a dataset by identity number needs the consent of another person of the same jurisdiction holding “Approve sensitive queries”.',
};
