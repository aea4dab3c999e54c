/** What other modules may use of the warnings module. */
export { recordModelHits } from './warning-record.service.js';
export { maskAccountFacts } from './account-facts.js';
export { type WarningServices } from './warning-services.js';
export { foldWarningCounts, keepWarningCountsFolded } from './warning-counts.js';
export { type WarningNotice } from './warning-feed.js';
export { peopleOfWarnings, type WarningPerson } from './warning-people.js';
