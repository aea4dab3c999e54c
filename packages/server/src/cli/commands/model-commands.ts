import type { Command } from 'commander';
import type { AppServices } from '../../app/app-services.js';
import type { WarningSeverity } from '../../db/schema.js';
import { systemActor } from '../../modules/audit/audit.service.js';
import { startRun } from '../../modules/models/runs/model-runs.service.js';
import { listModels } from '../../modules/models/registry/models.service.js';
import { exportWarnings } from '../../modules/warnings/warning-export.js';
import { CliError } from '../cli-error.js';
import { runFailed, waitForRun } from './run-progress.js';

/** Runs work with the platform open; see open-services.ts. */
export type WithPlatform = <T>(work: (services: AppServices) => Promise<T>) => Promise<T>;

/** Where commands write: stdout for results, stderr for progress. Tests capture both. */
export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

const processOutput: CommandOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** `qingfeng models list` and `qingfeng models run [--all|<id>...] [--incremental]`. */
export function registerModelCommands(
  program: Command,
  withPlatform: WithPlatform,
  output: CommandOutput = processOutput,
): void {
  const models = program.command('models').description('Comparison models (比对模型)');

  models
    .command('list')
    .description('List registered models')
    .action(async () => {
      await withPlatform(async (services) => {
        for (const m of await listModels(services, {})) {
          // A builder model awaiting review says so: it runs only once a second person approves it.
          const state = m.review_status === 'approved' ? (m.enabled ? 'enabled ' : 'disabled') : m.review_status;
          const flags = `${state} v${m.current_version}${m.schedule ? ` ${m.schedule}` : ''}`;
          output.out(`${m.id.padEnd(10)} ${m.severity.padEnd(7)} ${flags.padEnd(22)} ${m.name_zh} / ${m.name_en}\n`);
        }
      });
    });

  models
    .command('run [ids...]')
    .description('Run models now and wait; progress on stderr, a summary on stdout; exits non-zero when a model failed')
    .option('--all', 'every enabled model')
    .option('--incremental', 'only the batches loaded since the last finished run')
    .action(async (ids: string[], options: { all?: boolean; incremental?: boolean }) => {
      if (!options.all && ids.length === 0) throw new CliError('name model ids or pass --all');
      await withPlatform(async (services) => {
        const run = await startRun(
          services,
          { actor: systemActor('cli'), userId: null, username: 'cli' },
          {
            kind: options.incremental ? 'incremental' : 'full',
            ...(options.all ? { all: true } : { modelIds: ids }),
          },
        );
        const done = await waitForRun(services, run.id, output);
        if (runFailed(done)) {
          const failed = Object.keys(done.errors as Record<string, string>);
          throw new CliError(
            `run ${done.id} ${done.status}${failed.length > 0 ? `: ${failed.join(', ')} failed` : ''}`,
          );
        }
      });
    });
}

/**
 * `qingfeng warnings export --format json|csv [--model <id>] [--severity red] [--retired exclude|only|include]`
 * to stdout: each warning with its subjects and evidence rows, masked as the detail view
 * shows them (JSON nested; CSV a line per evidence row). Retired warnings are left out
 * unless asked for, as in the console.
 */
export function registerWarningCommands(
  program: Command,
  withPlatform: WithPlatform,
  output: CommandOutput = processOutput,
): void {
  const warnings = program.command('warnings').description('Warnings (预警)');
  warnings
    .command('export')
    .description('Export warnings of the whole country with their subjects and evidence rows to stdout, masked')
    .option('--format <format>', 'json or csv', 'csv')
    .option('--model <id>', 'only this model')
    .option('--severity <severity>', 'red, orange or yellow')
    .option('--retired <which>', 'retired warnings: exclude, only or include', 'exclude')
    .option('--lang <lang>', "the reader's language for a CSV's words: zh or en", 'zh')
    .action(async (options: { format: string; model?: string; severity?: string; retired: string; lang: string }) => {
      if (options.lang !== 'zh' && options.lang !== 'en') throw new CliError('--lang must be zh or en');
      const lang = options.lang;
      if (!['exclude', 'only', 'include'].includes(options.retired)) {
        throw new CliError('--retired must be exclude, only or include');
      }
      if (options.format !== 'csv' && options.format !== 'json') throw new CliError('--format must be json or csv');
      if (options.severity && !['red', 'orange', 'yellow'].includes(options.severity)) {
        throw new CliError('--severity must be red, orange or yellow');
      }
      await withPlatform(async (services) => {
        const viewer = {
          jurisdictionPrefix: '',
          actor: systemActor('cli'),
          userId: null,
          username: 'cli',
          permissions: new Set<never>(),
        };
        const filter = {
          ...(options.model ? { modelId: options.model } : {}),
          ...(options.severity ? { severity: options.severity as WarningSeverity } : {}),
          retired: options.retired as 'exclude' | 'only' | 'include',
        };
        for await (const chunk of exportWarnings(services, viewer, filter, options.format as 'csv' | 'json', lang))
          output.out(chunk);
      });
    });
}
