import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { type ValueMappings, parseMappingFile, watermarkText } from '@qingfeng/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatasetServices } from './batch-events.js';
import { ValidationError } from '../../../http/errors.js';
import { requireAuth } from '../../../http/access-control.js';
import { requireApproval } from '../../approvals/index.js';
import { actorFromRequest } from '../../audit/index.js';
import {
  hasReport,
  presentBatch,
  presentDatasetDetail,
  presentDatasetSummary,
  presentPreview,
} from './datasets.presenter.js';
import { presentColumnAccounting } from './column-accounting.presenter.js';
import { watermarkCsv } from './csv-watermark.js';
import {
  ZBatch,
  ZBatchPage,
  ZBatchParams,
  ZBatchQuery,
  ZDatasetDetail,
  ZDatasetList,
  ZDatasetTypeParams,
  ZImportFields,
  ZImportResult,
  ZMappingRefusal,
  ZPreview,
  ZRollbackBody,
} from './datasets.schemas.js';
import { getVisibleBatch, listVisibleBatches } from './batch-scope.js';
import { registerRejectedRowsRoutes } from './rejected-rows.routes.js';
import { findRejectedReport, getDatasetSummary, listDatasetSummaries, rollbackBatch } from './datasets.service.js';
import { MappingRefusedError } from '../import/import-pipeline.js';
import { importDatasetFile } from '../import/import.service.js';
import { previewDatasetFile } from '../import/preview.service.js';
import { REPORT_HEADER } from '../import/rejected-report.js';
import { type SavedUpload, saveUpload } from '../import/upload.js';
import { requireDataset } from '../../catalogue/index.js';

function parseImportFields(upload: SavedUpload) {
  const parsed = ZImportFields.safeParse(upload.fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(
      `body.${String(issue?.path[0] ?? '')}: ${issue?.message ?? 'invalid'}`,
      `body.${String(issue?.path[0] ?? '')}`,
    );
  }
  let mapping: Record<string, string> | undefined;
  let valueMappings: ValueMappings | undefined;
  if (parsed.data.mapping !== undefined && parsed.data.mapping.trim() !== '') {
    const refused = new ValidationError(
      'body.mapping: must be a mapping file, {"headers": {file header: field key}, "values": {field key: {word: code}}}, ' +
        'or a JSON object of file header → field key',
      'body.mapping',
    );
    let json: unknown;
    try {
      json = JSON.parse(parsed.data.mapping);
    } catch {
      throw refused;
    }
    const file = parseMappingFile(json);
    if (file === null) throw refused;
    // A file of the new form without headers leaves the header matching (and a department's template) to work alone.
    const headerOnly = !(typeof json === 'object' && json !== null && 'values' in json);
    if (headerOnly || 'headers' in (json as object)) mapping = { ...file.headers };
    if (Object.keys(file.values).length > 0) valueMappings = file.values;
  }
  return {
    ...parsed.data,
    mapping,
    valueMappings,
    force: parsed.data.force === 'true' || parsed.data.force === '1',
  };
}

/** Dataset catalogue, imports, batches and their rollback. */
export function registerDatasetRoutes(app: FastifyInstance, services: DatasetServices): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['datasets'];

  api.get(
    '/api/v1/datasets',
    {
      config: { access: 'dataset.read' },
      schema: {
        tags,
        summary: 'The dataset catalogue with row counts inside your jurisdiction',
        response: { 200: ZDatasetList },
      },
    },
    async (request) => ({
      items: (await listDatasetSummaries(services, requireAuth(request))).map(presentDatasetSummary),
    }),
  );

  api.get(
    '/api/v1/datasets/:type',
    {
      config: { access: 'dataset.read' },
      schema: {
        tags,
        summary: 'A dataset type and its fields',
        params: ZDatasetTypeParams,
        response: { 200: ZDatasetDetail },
      },
    },
    async (request) =>
      presentDatasetDetail(await getDatasetSummary(services, requireAuth(request), request.params.type)),
  );

  api.post(
    '/api/v1/datasets/:type/imports',
    {
      config: { access: 'dataset.import' },
      schema: {
        tags,
        summary: 'Import a file (multipart: file, department, mode, force, sheet, mapping) as one batch',
        consumes: ['multipart/form-data'],
        params: ZDatasetTypeParams,
        response: { 201: ZImportResult, 400: ZMappingRefusal.partial().required({ code: true, message: true }) },
      },
    },
    async (request, reply) => {
      await requireDataset(services.database.db, request.params.type);
      const upload = await saveUpload(request, services.config.dataDir);
      try {
        const fields = parseImportFields(upload);
        const outcome = await importDatasetFile(services, actorFromRequest(request), {
          datasetType: request.params.type,
          file: upload.file,
          fileName: upload.fileName,
          departmentCode: fields.department ?? null,
          mode: fields.mode,
          force: fields.force,
          ...(fields.sheet ? { sheet: fields.sheet } : {}),
          ...(fields.mapping ? { mapping: fields.mapping } : {}),
          ...(fields.valueMappings ? { valueMappings: fields.valueMappings } : {}),
        });
        return reply.status(201).send({
          ...presentBatch(outcome.batch, outcome.reportPath !== null),
          columns: presentColumnAccounting(outcome.columns),
        });
      } catch (error) {
        // The refusal carries what the mapping screen needs: the columns found and a template.
        if (!(error instanceof MappingRefusedError)) throw error;
        return reply.status(400).send({
          code: error.code,
          message: error.message,
          field: 'file',
          columnsFound: [...error.columnsFound],
          missingRequired: [...error.missingRequired],
          template: error.template,
        });
      } finally {
        await upload.discard();
      }
    },
  );

  api.post(
    '/api/v1/datasets/:type/imports/preview',
    {
      config: { access: 'dataset.import' },
      schema: {
        tags,
        summary: 'Read the header and first rows of a file and suggest a mapping, importing nothing',
        consumes: ['multipart/form-data'],
        params: ZDatasetTypeParams,
        response: { 200: ZPreview },
      },
    },
    async (request) => {
      await requireDataset(services.database.db, request.params.type);
      const upload = await saveUpload(request, services.config.dataDir);
      try {
        const fields = parseImportFields(upload);
        const preview = await previewDatasetFile(services, {
          datasetType: request.params.type,
          departmentCode: fields.department ?? null,
          file: upload.file,
          ...(fields.sheet ? { sheet: fields.sheet } : {}),
          ...(fields.mapping ? { mapping: fields.mapping } : {}),
          ...(fields.valueMappings ? { valueMappings: fields.valueMappings } : {}),
        });
        return presentPreview(preview);
      } finally {
        await upload.discard();
      }
    },
  );

  api.get(
    '/api/v1/batches',
    {
      config: { access: 'dataset.read' },
      schema: {
        tags,
        summary: 'Import batches, newest first',
        querystring: ZBatchQuery,
        response: { 200: ZBatchPage },
      },
    },
    async (request) => {
      const { page, pageSize, ...filter } = request.query;
      const { items, total } = await listVisibleBatches(services, requireAuth(request), filter, page, pageSize);
      return { items: items.map((b) => presentBatch(b, hasReport(b))), total, page, pageSize };
    },
  );

  api.get(
    '/api/v1/batches/:id',
    {
      config: { access: 'dataset.read' },
      schema: { tags, summary: 'One import batch', params: ZBatchParams, response: { 200: ZBatch } },
    },
    async (request) => {
      const batch = await getVisibleBatch(services, requireAuth(request), request.params.id);
      return presentBatch(batch, hasReport(batch));
    },
  );

  api.get(
    '/api/v1/batches/:id/rejected',
    {
      config: { access: 'dataset.import' },
      schema: { tags, summary: "Download a batch's rejected-rows report (CSV)", params: ZBatchParams },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const actor = actorFromRequest(request);
      await getVisibleBatch(services, auth, request.params.id);
      // The values leave whole: under the four-eyes policy, only with a second person's approval.
      await requireApproval(services, { ...auth, actor }, 'rejected_download', String(request.params.id));
      const file = await findRejectedReport(services, actor, request.params.id);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="batch-${request.params.id}-rejected.csv"`);
      // The raw values leave whole (to correct the file), so every line names who took them.
      // A batch with no rejected row has no file: answer with the header alone.
      const source = file ? createReadStream(file, { encoding: 'utf8' }) : [`\uFEFF${REPORT_HEADER.join(',')}\r\n`];
      return reply.send(Readable.from(watermarkCsv(source, watermarkText(auth, services.clock.now()))));
    },
  );

  api.post(
    '/api/v1/batches/:id/rollback',
    {
      config: { access: 'dataset.manage' },
      schema: {
        tags,
        summary: "Delete a batch's rows from the lake and mark it rolled back",
        params: ZBatchParams,
        body: ZRollbackBody,
        response: { 200: ZBatch },
      },
    },
    async (request) => {
      await getVisibleBatch(services, requireAuth(request), request.params.id);
      const batch = await rollbackBatch(services, actorFromRequest(request), request.params.id, request.body.reason);
      return presentBatch(batch, hasReport(batch));
    },
  );

  registerRejectedRowsRoutes(app, services);
}
