import type { Kysely } from 'kysely';
import type { ImportFormat, DB, MappingTemplateRow } from '../../db/schema.js';
import { NotFoundError, ValidationError } from '../../http/errors.js';
import { type AuditActor, recordAudit } from '../audit/index.js';
import { openRecordSource } from '../sources/index.js';
import { CatalogueRepository } from './catalogue.repository.js';
import { CatalogueService } from './catalogue.service.js';
import type { TPutTemplate } from './catalogue.schemas.js';

/** Header text → field key, as the user gives it (the CLI's --mapping file, the form's field, a saved template). */
export type HeaderMapping = Readonly<Record<string, string>>;

/** The department's saved template for the type, or 404 (also for unknown types). */
export async function getMappingTemplate(
  db: Kysely<DB>,
  datasetType: string,
  departmentCode: string,
): Promise<MappingTemplateRow> {
  const dataset = await new CatalogueService(db).requireDataset(datasetType);
  const row = await new CatalogueRepository(db).findTemplate(departmentCode, dataset.key);
  if (!row)
    throw new NotFoundError(`Mapping template of ${departmentCode} for ${datasetType}`, 'mapping_template_not_found');
  return row;
}

/**
 * Saves (creates or replaces) the department's template for the type, audited in the same
 * transaction. Every field key must belong to the type and feed from one header only (400
 * naming the header).
 */
export async function saveMappingTemplate(
  db: Kysely<DB>,
  actor: AuditActor,
  datasetType: string,
  departmentCode: string,
  input: TPutTemplate,
): Promise<MappingTemplateRow> {
  const entries = Object.entries(input.mapping);
  if (entries.length === 0) throw new ValidationError('映射不能为空 / the mapping is empty', 'body.mapping');
  return db.transaction().execute(async (trx) => {
    const dataset = await new CatalogueService(trx).requireDataset(datasetType);
    const fields = new Set(dataset.fields.map((f) => f.key));
    const fed = new Map<string, string>();
    for (const [header, field] of entries) {
      if (!fields.has(field)) {
        throw new ValidationError(
          `${dataset.key} 没有字段 ${field} / ${dataset.key} has no field ${field}`,
          `body.mapping.${header}`,
          'unknown_field',
        );
      }
      const other = fed.get(field);
      if (other !== undefined) {
        throw new ValidationError(
          `列「${other}」和「${header}」都映射到字段 ${field} / columns "${other}" and "${header}" both map to ${field}`,
          `body.mapping.${header}`,
          'duplicate_field',
        );
      }
      fed.set(field, header);
    }
    const row = await new CatalogueRepository(trx).upsertTemplate({
      departmentCode,
      datasetType: dataset.key,
      mapping: input.mapping,
      updatedBy: actor.userId,
    });
    await recordAudit(trx, actor, {
      action: 'mapping_template.save',
      objectType: 'mapping_template',
      objectId: row.id,
      detail: { datasetType: dataset.key, department: departmentCode, mapping: input.mapping },
    });
    return row;
  });
}

/**
 * The department's saved mapping for the type, narrowed to the headers this file has (a
 * template's column the file lacks must not refuse the file: the matcher fills the rest).
 * Undefined when there is no department, no template, or no template column in the file.
 */
export async function findTemplateMapping(
  db: Kysely<DB>,
  datasetType: string,
  departmentCode: string | null | undefined,
  headers: readonly string[],
): Promise<HeaderMapping | undefined> {
  if (!departmentCode) return undefined;
  const row = await new CatalogueRepository(db).findTemplate(departmentCode, datasetType);
  if (!row) return undefined;
  const present = new Set(headers);
  const entries = Object.entries(row.mapping as Record<string, string>).filter(([header]) => present.has(header));
  return entries.length === 0 ? undefined : Object.fromEntries(entries);
}

/** What an import asked for: its own mapping, or a department whose template may serve. */
export interface MappingRequest {
  mapping?: HeaderMapping | undefined;
  departmentCode?: string | null | undefined;
  file: string;
  sheet?: string | undefined;
  format?: ImportFormat | undefined;
}

/**
 * The mapping an import should use, as options to spread into `openImport`: the request's
 * own mapping when it gives one; otherwise the department's saved template for the type
 * (narrowed to the file's headers, which are read for this only when a template exists);
 * otherwise nothing, and the matcher works alone.
 */
export async function mappingForImport(
  db: Kysely<DB>,
  datasetType: string,
  request: MappingRequest,
): Promise<{ mapping?: HeaderMapping }> {
  if (request.mapping) return { mapping: request.mapping };
  if (!request.departmentCode) return {};
  if (!(await new CatalogueRepository(db).findTemplate(request.departmentCode, datasetType))) return {};
  const source = await openRecordSource(request.file, {
    ...(request.format ? { format: request.format } : {}),
    ...(request.sheet ? { sheet: request.sheet } : {}),
  });
  try {
    const mapping = await findTemplateMapping(db, datasetType, request.departmentCode, source.headers);
    return mapping ? { mapping } : {};
  } finally {
    await source.close();
  }
}
