import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import type { AppServices } from '../../app/app-services.js';
import { type ValueMappings, parseMappingFile } from '@qingfeng/core';
import { AppError } from '../../http/errors.js';
import { type AuditActor, systemActor } from '../../modules/audit/audit.service.js';
import {
  assignBatch,
  listBatches,
  listDatasetSummaries,
  rollbackBatch,
} from '../../modules/datasets/batches/datasets.service.js';
import { resolveBatchOwner } from '../../modules/datasets/batches/batch-scope.js';
import { MappingRefusedError } from '../../modules/datasets/import/import-pipeline.js';
import { importDatasetFile } from '../../modules/datasets/import/import.service.js';
import { describeOcdsOutcome, importOcdsFile } from '../../modules/datasets/ocds/ocds.js';
import { previewDatasetFile } from '../../modules/datasets/import/preview.service.js';
import { describeColumnAccounting } from './column-report.js';
import { CliError } from '../cli-error.js';
import { type CommandOutput, processOutput, type WithPlatform } from './open-services.js';
import { runFailed, waitForRun } from './run-progress.js';

/**
 * The command line's actor for an import: audited as `cli`, acting for the organisation
 * `--org` names (or the deployment's one commission), so the batch belongs to it.
 */
async function importActor(services: AppServices, org: string | undefined): Promise<AuditActor> {
  try {
    const owner = await resolveBatchOwner(services.database.db, org);
    return { ...systemActor(), orgId: owner.id };
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message);
    throw error;
  }
}

interface ImportOptions {
  type: string;
  org?: string;
  department?: string;
  mapping?: string;
  sheet?: string;
  replace?: boolean;
  force?: boolean;
  dryRun?: boolean;
  /** False with `--no-run`: leave the models for a later `models run`. */
  run: boolean;
}

/** What `--mapping` gives: a header mapping (left out when the file has none) and value mappings. */
interface MappingOptions {
  mapping?: Record<string, string>;
  valueMappings?: ValueMappings;
}

/**
 * Reads a `--mapping` file (docs/importing.md): `{"headers": {…}, "values": {field: {word: code}}}`,
 * or the header-only form `{"<file header>": "<field key>"}` written before value mappings.
 */
async function readMapping(file: string | undefined): Promise<MappingOptions> {
  if (file === undefined) return {};
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CliError(`--mapping ${file}: ${(error as Error).message}`);
  }
  const parsed = parseMappingFile(json);
  if (parsed === null) {
    throw new CliError(
      `--mapping ${file}: must be {"headers": {"file header": "field key"}, "values": {"field key": {"department word": "code"}}} ` +
        'or a JSON object of file header → field key (see docs/importing.md)',
    );
  }
  return {
    ...(Object.keys(parsed.headers).length > 0 ? { mapping: { ...parsed.headers } } : {}),
    ...(Object.keys(parsed.values).length > 0 ? { valueMappings: parsed.values } : {}),
  };
}

/** The refusal as a clerk reads it: why, the columns found, and the template to fill in. */
function describeRefusal(error: MappingRefusedError): string {
  const rows = error.template.rows.map(
    (r) =>
      `  ${r.required ? '*' : ' '} ${r.field.padEnd(18)} ${r.label.zh.padEnd(10)} ${r.header ?? '(未匹配 / unmatched)'}`,
  );
  return [
    error.message,
    `文件中的列 / columns found: ${error.columnsFound.join(', ') || '(none)'}`,
    '映射模板 / mapping template (field, label, column in file):',
    ...rows,
    '请用 --mapping <file.json> 给出 {"headers": {"文件列名": "字段"}} / pass --mapping <file.json> as {"headers": {"file header": "field key"}} (docs/importing.md)',
  ].join('\n');
}

/** `import --dry-run`: the file's columns accounted for, before anything is imported. */
async function describeDryRun(
  services: AppServices,
  file: string,
  options: ImportOptions,
  mapping: MappingOptions,
): Promise<string> {
  try {
    // The whole file is read for unknown values of coded fields: a dry run answers for every row.
    const preview = await previewDatasetFile(services, {
      datasetType: options.type,
      file,
      departmentCode: options.department ?? null,
      limit: 0,
      scanRows: Number.POSITIVE_INFINITY,
      ...(options.sheet ? { sheet: options.sheet } : {}),
      ...mapping,
    });
    const refusal = preview.match.refusal ? `  ${preview.match.refusal.zh}\n  ${preview.match.refusal.en}\n` : '';
    return (
      `${path.basename(file)}: ${options.type} (dry run / 未导入, ${formatNumber(preview.rowsScanned)} rows read / 已读行)\n` +
      `${refusal}${describeColumnAccounting(preview.columns)}`
    );
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.message);
    throw error;
  }
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}

/** The cells an import kept without their value, per field, as the summary's lines. */
function describeKeptCells(keptByField: Record<string, number>): string[] {
  const entries = Object.entries(keptByField).filter(([, n]) => n > 0);
  if (entries.length === 0) return [];
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const perField = entries.map(([field, n]) => `${field} ${formatNumber(n)}`).join(', ');
  return [`  kept without value / 保留行但值置空: ${formatNumber(total)} cells (${perField})`];
}

/**
 * Runs `importing` and then, unless `run` is false, waits for the model runs it queued (the
 * enabled models reading the new rows, see app/domain-events.ts), printing their progress:
 * the command returns once they have finished, so a scripted import leaves its warnings
 * behind. The services handed to `importing` say whether models follow (for imports that
 * take no `runModels`, such as OCDS). A run that failed fails the command, which says the
 * batch itself is loaded.
 */
async function importThenRun<T>(
  services: AppServices,
  run: boolean,
  output: CommandOutput,
  importing: (services: AppServices) => Promise<T>,
): Promise<T> {
  const queued: number[] = [];
  const stop = services.modelRuns.onQueued((id) => queued.push(id));
  let result: T;
  try {
    result = await importing({ ...services, config: { ...services.config, autoRunModels: run } });
  } finally {
    stop();
  }
  if (!run) return result;
  if (queued.length === 0) output.err('no enabled model reads this dataset / 没有启用的模型读取该数据集\n');
  const failed: string[] = [];
  for (const id of queued) {
    output.err(`models reading the new rows: run ${id} / 正在运行读取新数据的模型\n`);
    const done = await waitForRun(services, id, output);
    if (runFailed(done)) failed.push(`run ${done.id} ${done.status}`);
  }
  if (failed.length > 0) {
    throw new CliError(`the batch is loaded, but ${failed.join('; ')} (see \`qingfeng models run\`)`);
  }
  return result;
}

/**
 * Registers `import`, `datasets`, `batches` and `batch rollback`. Imports show a progress
 * bar of bytes read on stderr and end with a summary, then run the models that read the
 * new rows and wait for them (`--no-run` skips that); failures exit non-zero via CliError.
 */
export function registerDatasetCommands(
  program: Command,
  withPlatform: WithPlatform,
  output: CommandOutput = processOutput,
): void {
  program
    .command('import')
    .description('Import a dataset file (CSV, XLSX, JSON, JSON Lines) as one batch')
    .requiredOption(
      '--type <dataset-type>',
      'dataset type, e.g. benefit_payment (see `qingfeng datasets`), or ocds for OCDS compiled releases (JSON Lines)',
    )
    .option(
      '--org <code>',
      'organisation the batch belongs to (its jurisdiction); required when more than one commission exists',
    )
    .option('--department <code>', 'code of the department that supplied the file')
    .option(
      '--mapping <file.json>',
      'mapping file: {"headers": {file header: field key}, "values": {field key: {department word: code}}} (docs/importing.md)',
    )
    .option('--sheet <name>', 'XLSX worksheet to read (default: the first)')
    .option('--replace', 'replace all rows of the dataset with this file')
    .option('--force', 'import even if this file was imported before')
    .option('--dry-run', "match the file's columns and say what each feeds, importing nothing")
    .option('--no-run', 'do not run the models that read the new rows (run them later with `qingfeng models run`)')
    .argument('<file>', 'the file to import')
    .action(async (file: string, options: ImportOptions) => {
      if (options.type === 'ocds') {
        // One OCDS file becomes three batches: tender, bid and contract.
        await withPlatform(async (services) => {
          const actor = await importActor(services, options.org);
          await importThenRun(services, options.run, output, async (importing) => {
            const outcome = await importOcdsFile(importing, actor, {
              file,
              departmentCode: options.department ?? null,
              force: options.force === true,
            });
            output.out(describeOcdsOutcome(outcome));
          });
        });
        return;
      }
      const mapping = await readMapping(options.mapping);
      if (options.dryRun === true) {
        await withPlatform(async (services) => {
          output.out(await describeDryRun(services, file, options, mapping));
        });
        return;
      }
      await withPlatform(async (services) => {
        const actor = await importActor(services, options.org);
        const bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: '{bar} {percentage}% | {value}/{total} bytes | {rows} rows',
            hideCursor: true,
          },
          cliProgress.Presets.shades_classic,
        );
        const { size } = await stat(file).catch(() => {
          throw new CliError(`cannot read ${file}`);
        });
        let rows = 0;
        await importThenRun(services, options.run, output, async (importing) => {
          bar.start(size, 0, { rows: 0 });
          try {
            const outcome = await importDatasetFile(
              importing,
              actor,
              {
                datasetType: options.type,
                file,
                fileName: path.basename(file),
                departmentCode: options.department ?? null,
                mode: options.replace ? 'replace' : 'append',
                force: options.force === true,
                runModels: options.run,
                ...(options.sheet ? { sheet: options.sheet } : {}),
                ...mapping,
              },
              { onBytes: (total) => bar.update(total, { rows }), onRows: (n) => (rows = n) },
            );
            bar.update(size, { rows });
            bar.stop();
            const { batch } = outcome;
            const perSecond = Math.round(Number(batch.rows_read) / Math.max(outcome.seconds, 0.001));
            output.out(
              [
                `batch ${batch.id}: ${batch.dataset_type} ${batch.status}`,
                `  read ${formatNumber(Number(batch.rows_read))}, loaded ${formatNumber(Number(batch.rows_loaded))}, rejected ${formatNumber(Number(batch.rows_rejected))}`,
                ...describeKeptCells(batch.kept_by_field),
                `  ${outcome.seconds.toFixed(1)} s, ${formatNumber(perSecond)} rows/s`,
                outcome.reportPath
                  ? `  rejected rows and kept cells / 拒收行与置空的值: ${outcome.reportPath}`
                  : '  no rows rejected',
              ].join('\n') +
                '\n' +
                describeColumnAccounting(outcome.columns),
            );
          } catch (error) {
            bar.stop();
            if (error instanceof MappingRefusedError) throw new CliError(describeRefusal(error));
            if (error instanceof AppError) throw new CliError(error.message);
            throw error;
          }
        });
      });
    });

  program
    .command('datasets')
    .description('List the dataset types and how many rows the lake holds of each')
    .action(async () => {
      await withPlatform(async (services) => {
        for (const s of await listDatasetSummaries(services, { jurisdictionPrefix: '' })) {
          process.stdout.write(
            `${s.dataset.key.padEnd(20)} ${String(s.rowCount).padStart(12)}  ${s.dataset.name.zh}\n`,
          );
        }
      });
    });

  program
    .command('batches')
    .description('List import batches, newest first')
    .option('--type <dataset-type>', 'only this dataset type')
    .option('--limit <n>', 'how many', '50')
    .action(async (options: { type?: string; limit: string }) => {
      await withPlatform(async (services) => {
        const filter = options.type ? { datasetType: options.type } : {};
        const { items } = await listBatches(services, filter, 1, Math.min(Number(options.limit) || 50, 200));
        for (const b of items) {
          process.stdout.write(
            `${String(b.id).padStart(6)}  ${b.status.padEnd(11)} ${b.dataset_type.padEnd(18)} ` +
              `read ${b.rows_read} loaded ${b.rows_loaded} rejected ${b.rows_rejected}  ${b.file_name}  ${new Date(b.created_at).toISOString()}\n`,
          );
        }
      });
    });

  const batch = program.command('batch').description('Work with one import batch');
  batch
    .command('rollback')
    .description("Delete a batch's rows from the lake and mark it rolled back")
    .argument('<id>', 'batch id')
    .requiredOption('--reason <text>', 'why (recorded in the audit trail)')
    .action(async (id: string, options: { reason: string }) => {
      const batchId = Number(id);
      if (!Number.isInteger(batchId) || batchId < 1) throw new CliError(`not a batch id: ${id}`);
      await withPlatform(async (services) => {
        try {
          const rolled = await rollbackBatch(services, systemActor(), batchId, options.reason);
          process.stdout.write(`batch ${rolled.id} rolled back\n`);
        } catch (error) {
          if (error instanceof AppError) throw new CliError(error.message);
          throw error;
        }
      });
    });

  batch
    .command('assign')
    .description('Give a batch to the organisation it came from: its rows without a division lie in that jurisdiction')
    .argument('<id>', 'batch id')
    .requiredOption('--org <code>', 'the organisation the batch belongs to')
    .requiredOption('--reason <text>', 'why (recorded in the audit trail)')
    .action(async (id: string, options: { org: string; reason: string }) => {
      const batchId = Number(id);
      if (!Number.isInteger(batchId) || batchId < 1) throw new CliError(`not a batch id: ${id}`);
      await withPlatform(async (services) => {
        try {
          const owner = await resolveBatchOwner(services.database.db, options.org);
          const assigned = await assignBatch(services, systemActor(), batchId, owner, options.reason);
          process.stdout.write(`batch ${assigned.id} belongs to ${owner.code} (${assigned.division_code})\n`);
        } catch (error) {
          if (error instanceof AppError) throw new CliError(error.message);
          throw error;
        }
      });
    });
}
