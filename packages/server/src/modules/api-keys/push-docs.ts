import { type DatasetType, type FieldDef, listDatasets } from '@qingfeng/core';
import { MAX_PUSH_ROWS, PUSH_BODY_LIMIT } from './api-keys.schemas.js';

/*
 * The push route's entry in the OpenAPI document (/api/docs/json, public): a department
 * holding only a key has no session to read the catalogue with, so the body formats, the
 * row fields of every standard dataset type and every answer are written out here, from
 * core's catalogue, so they cannot drift from what the import accepts.
 */

function fieldLine(field: FieldDef): string {
  const codes = field.type === 'enum' ? ` (${field.values.map((v) => `\`${v.code}\``).join(', ')})` : '';
  return `| \`${field.key}\` | ${field.label.zh} / ${field.label.en} | ${field.type}${codes} | ${field.required ? 'yes' : ''} |`;
}

function datasetSection(dataset: DatasetType): string {
  return [
    `#### \`${dataset.key}\`: ${dataset.name.zh} / ${dataset.name.en}`,
    '',
    '| key | label | type | required |',
    '| --- | --- | --- | --- |',
    ...dataset.fields.map(fieldLine),
  ].join('\n');
}

/** The route's description: formats, limits, how rows are read, and the fields of each standard dataset type. */
export function pushRouteDescription(): string {
  return [
    'Pushes rows of one dataset type the key was granted; they are loaded as one batch of',
    "the key's department through the same checks as a file import (normalisation, duplicate",
    'check, atomic batch, rejected-rows report). Authenticate with the `x-api-key` header.',
    '',
    '**Body formats.**',
    '- JSON (`Content-Type: application/json`): `{"rows": [{...}, ...]}`, 1 to ' + `${MAX_PUSH_ROWS} rows.`,
    '- JSON Lines (`Content-Type: application/x-ndjson`, also `application/jsonl` or',
    '  `application/json-lines`): one JSON object per line, UTF-8, at most ' +
      `${MAX_PUSH_ROWS} lines; blank lines are skipped, and a rejected row is reported by its line number.`,
    '',
    `A body may hold at most ${PUSH_BODY_LIMIT / 1024 / 1024} MiB. Each row is an object whose keys`,
    "are the dataset type's field keys (below) or their Chinese labels or synonyms (see",
    '`docs/data-catalogue.md`). Values are written as in a file: dates as `2024-03-05`,',
    '`2024/3/5` or `2024年3月5日`, money as `1,200.50`, enum values as their code or any of',
    "their Chinese terms. Fields naming a department are ignored: a push belongs to the key's",
    'department. Rows that fail a check are listed in `rejected` (up to 1000) and not loaded;',
    'the others are. `?force=true` loads a body identical to an earlier push (otherwise 409).',
    'Dataset types defined by the commission itself accept the keys shown in its catalogue.',
    '',
    '### Row fields of the standard dataset types',
    '',
    ...listDatasets().map(datasetSection),
  ].join('\n');
}

/** What each refusal of a push means, for the `responses` of its OpenAPI entry. */
export const PUSH_ANSWERS = {
  201: 'Loaded as one batch; rejected rows are listed',
  400: 'The body or a parameter is malformed (code `validation_failed`, `too_many_rows`), naming the field',
  401: 'No key (`api_key_required`), or a key that is not valid, revoked or expired (`api_key_invalid`, `api_key_revoked`, `api_key_expired`)',
  403: 'The key was not granted this dataset type (`dataset_type_not_granted`)',
  404: 'The dataset type no longer exists',
  409: 'The same body was pushed before (`duplicate_file`); send `?force=true` to load it again',
  413: 'The body is larger than the limit',
  429: "Too many requests: the key's own rate per minute (`rate_limited`), or too many refused keys from this address (`api_key_attempts_exceeded`); wait the seconds in `Retry-After`",
} as const;
