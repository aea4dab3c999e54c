import { z } from 'zod';
import { ZLocalisedText } from '../../http/localised.js';
import { COMMISSION_LEVELS, ORGANISATION_KINDS, UNIT_TYPES } from './organisation-rules.js';

const ZDivisionCodeInput = z
  .string()
  .trim()
  .regex(/^(\d{6}|\d{9}|\d{12})$/, 'must be a 6-, 9- or 12-digit division code');
const ZOfficeType = z.string().trim().min(1).max(100);

export const ZOrganisationId = z.object({ id: z.coerce.number().int().positive() });

export const ZOrganisationQuery = z.object({
  view: z.enum(['flat', 'tree']).default('flat'),
  kind: z.enum(ORGANISATION_KINDS).optional(),
  q: z.string().trim().min(1).max(100).optional(),
});
export type TOrganisationQuery = z.infer<typeof ZOrganisationQuery>;

export const ZCreateOrganisation = z.object({
  code: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\w.-]+$/, 'letters, digits, dot, dash or underscore'),
  name: z.string().trim().min(1).max(200),
  kind: z.enum(ORGANISATION_KINDS),
  level: z.enum(COMMISSION_LEVELS).optional(),
  officeType: ZOfficeType.optional(),
  unitType: z.enum(UNIT_TYPES).optional(),
  parentId: z.number().int().positive().optional(),
  divisionCode: ZDivisionCodeInput,
  /**
   * For a commission: the office types to create with it. Absent = the standard offices
   * of its level; [] = none.
   */
  offices: z.array(ZOfficeType).max(50).optional(),
});
export type TCreateOrganisation = z.infer<typeof ZCreateOrganisation>;

export const ZUpdateOrganisation = z
  .object({
    name: z.string().trim().min(1).max(200),
    level: z.enum(COMMISSION_LEVELS),
    officeType: ZOfficeType,
    unitType: z.enum(UNIT_TYPES),
    parentId: z.number().int().positive(),
    divisionCode: ZDivisionCodeInput,
  })
  .partial();
export type TUpdateOrganisation = z.infer<typeof ZUpdateOrganisation>;

export const ZOrganisation = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  level: z.enum(COMMISSION_LEVELS).nullable(),
  officeType: z.string().nullable(),
  unitType: z.enum(UNIT_TYPES).nullable(),
  parentId: z.number().nullable(),
  divisionCode: z.string(),
  /** The division's place name; null when the division register does not name it. */
  divisionName: ZLocalisedText.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TOrganisation = z.infer<typeof ZOrganisation>;

export type TOrganisationNode = TOrganisation & { children: TOrganisationNode[] };
export const ZOrganisationNode: z.ZodType<TOrganisationNode> = ZOrganisation.extend({
  get children() {
    return z.array(ZOrganisationNode);
  },
});

export const ZOrganisationList = z.object({
  items: z.array(ZOrganisation).optional(),
  tree: z.array(ZOrganisationNode).optional(),
  total: z.number(),
});

export const ZImportProblem = z.object({
  row: z.number(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
});
export type TImportProblem = z.infer<typeof ZImportProblem>;

export const ZImportResult = z.object({
  encoding: z.enum(['utf-8', 'gb18030']),
  rows: z.number(),
  inserted: z.number(),
  updated: z.number(),
  /** Offices created for new commissions whose file listed none. */
  officesCreated: z.number(),
});
export type TImportResult = z.infer<typeof ZImportResult>;

export const ZImportRejected = z.object({
  code: z.literal('import_rejected'),
  message: z.string(),
  problems: z.array(ZImportProblem),
});
