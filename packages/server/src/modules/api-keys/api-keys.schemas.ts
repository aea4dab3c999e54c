import { z } from 'zod';
import { ZColumnAccounting } from '../datasets/index.js';

const ZLocalised = z.object({ zh: z.string(), en: z.string() });
const ZDatasetKey = z.string().regex(/^[a-z][a-z0-9_]{0,40}$/, 'not a dataset type');

/** Most rows one push may carry; larger loads go through file import. */
export const MAX_PUSH_ROWS = 10_000;
/** Largest push body accepted, in bytes. */
export const PUSH_BODY_LIMIT = 8 * 1024 * 1024;

export const ZApiKeyParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

export const ZCreateApiKey = z.object({
  /** The department: an organisation of kind 'unit' within the administrator's jurisdiction. */
  departmentId: z.number().int().min(1),
  name: z.string().trim().min(2).max(100),
  datasetTypes: z.array(ZDatasetKey).min(1).max(50),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  rateLimitPerMinute: z.number().int().min(1).max(10_000).default(60),
});
export type TCreateApiKey = z.infer<typeof ZCreateApiKey>;

export const ZApiKeyQuery = z.object({
  departmentId: z.coerce.number().int().min(1).optional(),
  includeRevoked: z.enum(['true', 'false']).optional(),
});

export const ZRevokeApiKey = z.object({ reason: z.string().trim().min(2).max(1000) });

export const ZApiKey = z.object({
  id: z.number(),
  name: z.string(),
  /** The key's visible start, `qfk_<id>_`; the rest is never shown again. */
  prefix: z.string(),
  departmentId: z.number(),
  departmentCode: z.string(),
  departmentName: z.string(),
  datasetTypes: z.array(z.string()),
  rateLimitPerMinute: z.number(),
  status: z.enum(['active', 'expired', 'revoked']),
  expiresAt: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.number().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
});
export type TApiKey = z.infer<typeof ZApiKey>;

export const ZApiKeyList = z.object({ items: z.array(ZApiKey) });

/** The answer to creating a key: the only time its secret is shown. */
export const ZCreatedApiKey = z.object({ key: ZApiKey, secret: z.string() });

export const ZPushParams = z.object({ type: ZDatasetKey });
export const ZPushQuery = z.object({ force: z.enum(['true', 'false', '1', '0']).optional() });

/** A JSON push; JSON Lines arrive as the raw text (content type application/x-ndjson). */
export const ZPushBody = z.union([
  z
    .object({
      rows: z
        .array(
          z.record(z.string(), z.unknown()).meta({
            description: "One row: the dataset type's field keys (or Chinese labels or synonyms) and their values",
            examples: [{ id: '11010519491231002X', name: '张三', death_date: '2024-03-05', division: '110105001001' }],
          }),
        )
        .min(1)
        .max(MAX_PUSH_ROWS),
    })
    .meta({ description: 'JSON: the rows in an array (Content-Type: application/json)' }),
  z
    .string()
    .min(1)
    .meta({
      description: 'JSON Lines: one row object per line (Content-Type: application/x-ndjson)',
      examples: [
        '{"id":"11010519491231002X","name":"张三","death_date":"2024-03-05"}\n{"id":"110105195001010039","name":"李四","death_date":"2024-03-06"}\n',
      ],
    }),
]);

/** The one error shape of every refusal (see http/error-handler). */
export const ZPushError = z.object({ code: z.string(), message: z.string(), field: z.string().optional() });
export type TPushBody = z.infer<typeof ZPushBody>;

export const ZRejectedRow = z.object({
  /** 1-based position of the row in `rows`, or the line number in a JSON Lines body. */
  row: z.number(),
  column: z.string(),
  field: z.string(),
  value: z.string(),
  reason: ZLocalised,
  /** True for a cell of an optional field kept without its value: the row loaded, the field empty. */
  kept: z.boolean(),
});

export const ZPushResult = z.object({
  batchId: z.number(),
  datasetType: z.string(),
  departmentCode: z.string().nullable(),
  status: z.enum(['loading', 'loaded', 'failed', 'rolled_back']),
  contentHash: z.string(),
  rowsRead: z.number(),
  rowsLoaded: z.number(),
  rowsRejected: z.number(),
  /** Cells of optional fields whose value could not be read: their rows loaded with the field empty. */
  cellsKept: z.number(),
  rejected: z.array(ZRejectedRow),
  /** More problems than `rejected` lists; the whole report is with the commission. */
  rejectedTruncated: z.boolean(),
  /** Keys of the rows that fed no field (with suggestions), fields left empty, models left blind. */
  columns: ZColumnAccounting,
});
export type TPushResult = z.infer<typeof ZPushResult>;
