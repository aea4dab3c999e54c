import type { peopleZh } from './people-zh';

/** English for the person search, a person's page and a batch's rejected rows. */
export const peopleEn: Record<keyof typeof peopleZh, string> = {
  'people.search.title': 'Find a person',
  'people.search.placeholder': 'Name or identity number',
  'people.search.hint':
    'Finds people in your jurisdiction by the beginning of their name or by their whole identity number; every search is recorded in the audit trail.',
  'people.search.none': 'No one in your jurisdiction matches',
  'people.search.results': '{count} found',
  'people.warningCount': '{count} warnings',
  'people.title': 'Person',
  'people.name': 'Name',
  'people.idNumber': 'Identity number',
  'people.unnamed': "(no name in your jurisdiction's data)",
  'people.reveal': 'Show the whole number',
  'people.maskedHint':
    'The identity number is masked; those allowed may show it whole after giving a reason, which the audit trail records.',
  'people.warnings': 'Warnings naming this person',
  'people.noWarnings': 'No warning in your jurisdiction names this person',
  'people.shown': 'The latest {shown} of {total}',
  'people.period': 'Period',
  'people.amount': 'Amount',
  'people.open': 'Open',
  'warnings.person': 'Person',
  'warnings.personLink': "All this person's warnings",
  'datasets.rejected.title': 'Rejected rows',
  'datasets.rejected.hint':
    'Values are masked by the field they were meant for; the downloadable report has them whole (downloads are audited).',
  'datasets.rejected.row': 'Line',
  'datasets.rejected.column': 'Column',
  'datasets.rejected.value': 'Value',
  'datasets.rejected.reason': 'Reason',
  'datasets.rejected.outcome': 'Outcome',
  'datasets.rejected.kept': 'Row kept, value left empty',
  'datasets.rejected.refused': 'Row rejected',
  'datasets.rejected.wholeRow': 'Whole row',
  'datasets.rejected.none': 'No row was rejected',
  'datasets.rejected.previous': 'Previous',
  'datasets.rejected.next': 'Next',
  'datasets.rejected.page': 'Page {page}',
};
