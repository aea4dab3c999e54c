import { FIELD_TYPES } from '@qingfeng/core';
import { z } from 'zod';
import { ZLocalisedText } from '../../http/localised.js';

const ZLocalised = z.object({ zh: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(200) });

/** Any dataset type key, built-in or custom, as it appears in a path. */
const ZDatasetKey = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, 'not a dataset type');
/** A field key: lower-case snake_case starting with a letter (so never `_batch_id` or `_row_no`). */
const ZFieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'not a field key: a-z, 0-9 and _, starting with a letter');
/** A header text or synonym as departments write it. */
const ZWord = z.string().trim().min(1).max(100);

/**
 * Keys of user-defined types: `x_` then a lower-case name, 4–41 characters in all. The prefix
 * keeps them apart from the standard's keys, including types a later standard may add, and
 * makes their lake tables (`ds_x_…`) recognisable at a glance.
 */
export const CUSTOM_DATASET_KEY = /^x_[a-z][a-z0-9_]{1,38}$/;

export const ZCatalogueTypeParams = z.object({ type: ZDatasetKey });
export const ZSynonymParams = z.object({ type: ZDatasetKey, id: z.coerce.number().int().min(1).max(2_147_483_647) });

const ZEnumValueIn = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9_]{0,39}$/, 'not an enum code'),
  label: ZLocalised,
  terms: z.array(ZWord).max(50).default([]),
});

/** A field of a custom type: the same shape as core's FieldDef; `values` only (and always) for enums. */
export const ZFieldDefIn = z
  .object({
    key: ZFieldKey,
    label: ZLocalised,
    type: z.enum(FIELD_TYPES),
    required: z.boolean().default(false),
    synonyms: z.array(ZWord).max(50).default([]),
    values: z.array(ZEnumValueIn).min(1).max(200).optional(),
  })
  .refine((f) => (f.type === 'enum') === (f.values !== undefined), {
    message: 'an enum field needs its values, and only enum fields have values',
    path: ['values'],
  });

export const ZCreateDataset = z.object({
  key: z.string().regex(CUSTOM_DATASET_KEY, 'a custom dataset type key is x_ then a-z, 0-9 and _ (4–41 characters)'),
  name: ZLocalised,
  source: ZLocalised.default({ zh: '自定义', en: 'Custom' }),
  fields: z.array(ZFieldDefIn).min(1).max(200),
});
export type TCreateDataset = z.infer<typeof ZCreateDataset>;

export const ZAddSynonym = z.object({ field: ZFieldKey, synonym: ZWord });
export type TAddSynonym = z.infer<typeof ZAddSynonym>;

const ZExtraSynonym = z.object({ id: z.number(), synonym: z.string() });

export const ZCatalogueField = z.object({
  key: z.string(),
  label: ZLocalisedText,
  type: z.string(),
  required: z.boolean(),
  /** The field's own synonyms (the standard's, or those given when a custom type was made). */
  synonyms: z.array(z.string()),
  /** Synonyms administrators added later; the only ones that can be removed. */
  extraSynonyms: z.array(ZExtraSynonym),
  values: z.array(z.object({ code: z.string(), label: ZLocalisedText, terms: z.array(z.string()) })).optional(),
});

export const ZCatalogueDataset = z.object({
  key: z.string(),
  name: ZLocalisedText,
  source: ZLocalisedText,
  builtIn: z.boolean(),
  fields: z.array(ZCatalogueField),
});
export type TCatalogueDataset = z.infer<typeof ZCatalogueDataset>;

export const ZCatalogueList = z.object({ items: z.array(ZCatalogueDataset) });

export const ZSynonym = z.object({
  id: z.number(),
  datasetType: z.string(),
  field: z.string(),
  synonym: z.string(),
  createdAt: z.string(),
});
export type TSynonym = z.infer<typeof ZSynonym>;

export const ZTemplateQuery = z.object({ department: z.string().trim().min(1).max(60) });

export const ZPutTemplate = z.object({
  /** Header text in the department's files → field key of the dataset type. */
  mapping: z.record(z.string().min(1).max(200), ZFieldKey),
});
export type TPutTemplate = z.infer<typeof ZPutTemplate>;

export const ZMappingTemplate = z.object({
  datasetType: z.string(),
  department: z.string(),
  mapping: z.record(z.string(), z.string()),
  updatedBy: z.number().nullable(),
  updatedAt: z.string(),
});
export type TMappingTemplate = z.infer<typeof ZMappingTemplate>;
