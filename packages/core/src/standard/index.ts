// Public API of the data standard: the catalogue as data, the normalisers, header matching
// and the SQL forms of the validators.
export * from './field-types.js';
export * from './result.js';
export * from './catalogue-types.js';
export { STANDARD_DATASETS, findDataset, findField, listDatasets, uniqueKeysOf } from './catalogue.js';
export * from './programmes.js';
export * from './header-match.js';
export * from './mapping-template.js';
export * from './column-suggestions.js';
export * from './column-accounting.js';
export * from './value-mapping.js';
export * from './value-suggestions.js';
export { type CatalogueDocInput, renderCatalogueDoc } from './render-catalogue-doc.js';
export { cleanText, foldForMatch, toHalfWidth } from './text.js';
export * from './value-labels.js';

export { normaliseAccount } from './normalise/account.js';
export { normaliseBool } from './normalise/bool.js';
export { normaliseLat, normaliseLon } from './normalise/coordinate.js';
export { normaliseDate } from './normalise/date.js';
export { normaliseDateTime } from './normalise/datetime.js';
export { normaliseDecimal } from './normalise/decimal.js';
export { normaliseDivision, type DivisionNameResolver } from './normalise/division.js';
export { normaliseEnum } from './normalise/enum.js';
export { excelSerialToParts } from './normalise/excel-serial.js';
export {
  composeIdNumber,
  convertId15To18,
  idCheckCharacter,
  normaliseIdNumber,
  type IdNumberInfo,
} from './normalise/id-number.js';
export { normaliseInt } from './normalise/int.js';
export { formatFen, normaliseMoney, parseMoneyToFen, type MoneyUnit } from './normalise/money.js';
export { normaliseMonth } from './normalise/month.js';
export { normalisePhone } from './normalise/phone.js';
export { normaliseSubject } from './normalise/subject.js';
export { normaliseText } from './normalise/text.js';
export { normaliseUscc, usccCheckCharacter } from './normalise/uscc.js';
export {
  type CellOutcome,
  isBlank,
  normaliseCell,
  normaliseValue,
  type NormaliseContext,
  type RawValue,
} from './normalise/value.js';

export type { SqlDialect } from './sql/dialect.js';
export { dateSql } from './sql/date.js';
export { idCheckDigitSql, idFromCompactSql } from './sql/id-number.js';
export { moneySql } from './sql/money.js';
export { usccCheckDigitSql, usccFromCompactSql } from './sql/uscc.js';
export { captureSql, dateOfCleanSql, datetimeSql } from './sql/date.js';
export { monthSql } from './sql/month.js';
export { boolSql, enumSql } from './sql/choice.js';
export { decimalSql, intSql, latSql, lonSql } from './sql/number.js';
export { divisionSql } from './sql/division.js';
export { accountSql, blankSql, cleanTextSql, compactSql, foldSql, phoneSql, textSql } from './sql/text.js';
export { compactCodeSql, fullMatch as sqlFullMatch, literal as sqlLiteral } from './sql/dialect.js';
