/** What other modules may use of the statistics module. */
export { getOverview, OVERDUE_DAYS, type StatisticsViewer } from './statistics.service.js';
