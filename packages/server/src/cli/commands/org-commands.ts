import { readFile } from 'node:fs/promises';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { DivisionsService } from '../../modules/organisations/divisions.service.js';
import { OrganisationImportService } from '../../modules/organisations/organisation-import.service.js';
import { cliScope } from '../../modules/organisations/scope.js';
import { CliError } from '../cli-error.js';
import { type CommandOutput, processOutput, type WithPlatform } from './open-services.js';

async function readInput(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw new CliError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** A progress bar on stderr, drawn only when stderr is a terminal. */
function progressBar(label: string) {
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} rows`, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

/**
 * `qingfeng org import <file>` and `qingfeng org import-divisions <file>`: CSV in UTF-8 or
 * GBK, all rows or none. A rejected file prints every problem and exits non-zero.
 */
export function registerOrgCommands(
  program: Command,
  withPlatform: WithPlatform,
  output: CommandOutput = processOutput,
): void {
  const org = program.command('org').description('Manage organisations and administrative divisions');

  org
    .command('import <file>')
    .description(
      'Import organisations from CSV (code,name,kind,level,office_type,unit_type,parent_code,division_code); ' +
        'inserts new codes, updates existing ones',
    )
    .action(async (file: string) => {
      const bytes = await readInput(file);
      await withPlatform(async (services) => {
        const bar = progressBar('Organisations');
        try {
          const result = await new OrganisationImportService(services.database.db).importOrganisations(
            cliScope(),
            bytes,
            {
              fileName: path.basename(file),
              onProgress: (done, total) => bar.update(done, total),
            },
          );
          bar.stop();
          output.out(
            `Imported ${result.rows} rows from ${file} (${result.encoding}): ${result.inserted} new, ` +
              `${result.updated} updated, ${result.officesCreated} standard offices created\n`,
          );
        } finally {
          bar.stop();
        }
      });
    });

  org
    .command('import-divisions <file>')
    .description('Import administrative divisions from CSV (code,name[,parent_code]); upserts by code')
    .action(async (file: string) => {
      const bytes = await readInput(file);
      await withPlatform(async (services) => {
        const bar = progressBar('Divisions');
        try {
          const result = await new DivisionsService(services.database.db).importDivisions(cliScope(), bytes, {
            fileName: path.basename(file),
            onProgress: (done, total) => bar.update(done, total),
          });
          bar.stop();
          output.out(
            `Imported ${result.rows} divisions from ${file} (${result.encoding}): ${result.inserted} new, ${result.updated} updated\n`,
          );
        } finally {
          bar.stop();
        }
      });
    });
}
