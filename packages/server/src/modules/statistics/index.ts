/** What other modules may use of the statistics module. */
export { getOverview, type StatisticsViewer } from './statistics.service.js';
