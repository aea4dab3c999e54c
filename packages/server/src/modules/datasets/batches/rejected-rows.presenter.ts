import {
  type DatasetType,
  isBirthDateKey,
  maskAccountNumber,
  maskIdNumber,
  maskName,
  maskPersonalDataInText,
  maskPhone,
} from '@qingfeng/core';
import type { RejectedRow } from '../import/records-import.js';
import { mayNamePerson } from '../rows/dataset-rows.presenter.js';
import type { TRejectedLine } from './rejected-rows.schemas.js';

/*
 * A rejected-rows report keeps each refused value as the file had it (the CSV a data
 * administrator downloads to correct the file). Read in the console it is masked by the
 * field it was meant for: an identity number keeps its first three and last four, a phone and
 * a bank account their last four, a person's name its family name, a birth date nothing;
 * any identity or mobile number elsewhere (a whole unreadable record, a reason quoting the
 * value) is masked where it stands.
 */

/** What the console shows of a refused value meant for `fieldKey` of the dataset. */
export function maskRejectedValue(dataset: DatasetType | undefined, fieldKey: string, raw: string): string {
  if (raw === '') return raw;
  const field = dataset?.fields.find((f) => f.key === fieldKey);
  if (field?.type === 'id' || field?.type === 'subject') return maskIdNumber(raw);
  if (field?.type === 'phone') return maskPhone(raw);
  if (field?.type === 'account') return maskAccountNumber(raw);
  // The value could not be read as a date, so no year can be told apart from the day: all of it goes.
  if (isBirthDateKey(fieldKey)) return '*'.repeat([...raw].length);
  if (field && dataset && mayNamePerson(dataset, field)) return maskName(raw);
  return maskPersonalDataInText(raw);
}

/** One line of the report as the console shows it: the value masked, and so is any quotation of it in the reason. */
export function presentRejectedLine(dataset: DatasetType | undefined, line: RejectedRow): TRejectedLine {
  const value = maskRejectedValue(dataset, line.field, line.value);
  const unquoted = (text: string) =>
    maskPersonalDataInText(line.value.length >= 2 ? text.split(line.value).join(value) : text);
  return {
    rowNo: line.row,
    column: line.column,
    field: line.field,
    value,
    reason: { zh: unquoted(line.reason.zh), en: unquoted(line.reason.en) },
    kept: line.kept,
  };
}

/** One line of the report whole, as the file had it: for a reader who gave a reason (audited). */
export function presentRejectedLineWhole(line: RejectedRow): TRejectedLine {
  return {
    rowNo: line.row,
    column: line.column,
    field: line.field,
    value: line.value,
    reason: line.reason,
    kept: line.kept,
  };
}
