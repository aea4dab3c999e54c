import type { reviewZh } from './review-zh';

/** English for the review of builder models (draft, approval, return). */
export const reviewEn: Record<keyof typeof reviewZh, string> = {
  'models.review.status': 'Review',
  'models.review.draft': 'Draft, awaiting review',
  'models.review.returned': 'Returned',
  'models.review.approved': 'Approved',
  'models.review.title': 'Review',
  'models.review.awaiting':
    'This model is a draft: it is enabled and runs only after another person with the approving permission has previewed and approved it.',
  'models.review.own': 'You submitted this draft: another person must approve it before it is enabled.',
  'models.review.returnedBecause': 'Returned by {by} on {at}: {reason}',
  'models.review.returnedHint': 'Save a new version in the builder to submit it for review again.',
  'models.review.preview': 'Preview hits',
  'models.review.approve': 'Approve and enable',
  'models.review.return': 'Return',
  'models.review.returnTitle': 'Return model {id}',
  'models.review.reason': 'Reason for returning',
  'models.review.approvedOk': 'Model {id} approved and enabled',
  'models.review.returnedOk': 'Model {id} returned',
  'models.review.history': 'Review history',
  'models.review.step': 'Step',
  'models.review.step.submitted': 'Submitted for review',
  'models.review.step.approved': 'Approved',
  'models.review.step.returned': 'Returned',
  'models.review.none': 'No review steps (a built-in model, or one enabled before reviews began)',
  'error.own_draft': 'You cannot review a model you submitted',
  'error.model_awaiting_review':
    'The model awaits review: it can be enabled or run only after another person approves it',
  'error.model_not_in_review': 'This model has no draft awaiting review',
  'error.model_changed': 'The model changed; reload it before reviewing',
};
