/** What other modules may use of the catalogue module. */
export { CatalogueService, requireDataset } from './catalogue.service.js';
export {
  LAKE_BATCHES_TABLE,
  SUBJECT_INDEX_TABLE,
  ACCOUNT_INDEX_TABLE,
  datasetLayout,
  datasetTable,
  isSubjectField,
  type DatasetLayout,
} from './lake-layout.js';
export { findTemplateMapping, mappingForImport, type HeaderMapping } from './mapping-templates.service.js';
