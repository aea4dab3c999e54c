/** What other modules may use of the organisations module. */
export { OrganisationsService } from './organisations.service.js';
export { containsPattern, scopeFromRequest, type Scope } from './scope.js';
export { divisionCodesIn, findPlaceNames, placeNameOf } from './place-names.js';
