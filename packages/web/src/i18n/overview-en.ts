import type { overviewZh } from './overview-zh';

/** English for the leader's overview on the home page. */
export const overviewEn: Record<keyof typeof overviewZh, string> = {
  'overview.title': "Leader's overview",
  'overview.asOf': 'As of {at}',
  'overview.byStatus': 'Warnings by handling status',
  'overview.overdue': 'Overdue',
  'overview.overdueHint': 'First seen more than {days} days ago and still open',
  'overview.bySeverity': 'Open warnings by severity',
  'overview.byCategory': 'Open warnings by model category',
  'overview.byTown': 'Open warnings by town',
  'overview.trend': 'By month first seen',
  'overview.trend.found': 'Found',
  'overview.trend.confirmed': 'Confirmed',
  'overview.trend.falsePositive': 'False positive',
  'overview.mostConfirmed': 'Towns and villages with most confirmed problems',
  'overview.towns': 'Towns',
  'overview.villages': 'Villages',
  'overview.freshness': "Departments' data freshness",
  'overview.lastLoaded': 'Last loaded {at}',
  'overview.batches': '{count} batches',
  'overview.feeds': 'Feeds the models',
  'overview.feedsNone': 'No enabled model reads it',
  'overview.none': 'Nothing yet',
  'overview.figures': "The chart's figures (open the list behind each)",
  'overview.unknownPlace': 'Unknown place',
  'overview.loadFailed': 'The statistics could not be loaded',
};
