import type { Command } from 'commander';
import { setUpDemo } from '../../demo/setup-demo.js';
import { CliError } from '../cli-error.js';
import { printLogins } from './print-logins.js';
import { type CommandOutput, processOutput, type WithPlatform } from './open-services.js';

function positiveNumber(name: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new CliError(`--${name} must be a positive number, got "${raw}"`);
  return value;
}

/** `qingfeng demo [--seed N] [--scale S] [--out DIR]`: generate and load the demo county. */
export function registerDemoCommand(
  program: Command,
  withPlatform: WithPlatform,
  output: CommandOutput = processOutput,
): void {
  program
    .command('demo')
    .description('Generate a fictional county with every dataset type and load it through the import path')
    .option('--seed <n>', 'random seed; the same seed gives the same files', '1')
    .option('--scale <s>', 'population multiplier (1 loads in well under a minute)', '1')
    .option('--out <dir>', 'where to write the department files (default <data dir>/demo)')
    .action(async (options: { seed: string; scale: string; out?: string }) => {
      const seed = Math.trunc(positiveNumber('seed', options.seed));
      const scale = positiveNumber('scale', options.scale);
      await withPlatform(async (services) => {
        const started = Date.now();
        const setup = await setUpDemo(services, {
          seed,
          scale,
          outDir: options.out,
          onProgress: (message) => output.err(`${message}\n`),
        });
        output.err('Running the comparison models over the demo data\n');
        await services.modelRuns.whenFinished(setup.modelRunId);
        const loaded = setup.report.files.reduce((sum, file) => sum + file.rowsLoaded, 0);
        const rejected = setup.report.files.reduce((sum, file) => sum + file.rowsRejected, 0);
        output.out(
          `Demo county loaded in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
            `${setup.report.files.length} files, ${loaded} rows loaded, ${rejected} rejected (see each batch's report)\n`,
        );
        printLogins(setup.staff, output);
      });
    });
}
