import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { type CommandOutput, processOutput, type WithPlatform } from './open-services.js';

/**
 * `qingfeng verify`: recomputes the transparency log from its stored entries and checks every
 * signed tree head (root and signatures). Prints the first divergence and fails (exit code 1)
 * when there is one.
 */
export function registerVerifyCommand(
  program: Command,
  withPlatform: WithPlatform,
  output: CommandOutput = processOutput,
): void {
  program
    .command('verify')
    .description(
      'Check the transparency log: every entry, subtree and signed tree head, recomputed from the stored entries',
    )
    .action(() =>
      withPlatform(async (services) => {
        const report = await services.transparency.verify();
        const counted = `${report.entries} entries, ${report.treeHeads} signed tree heads`;
        if (report.divergence) {
          const at = report.divergence.index !== undefined ? ` (entry ${report.divergence.index})` : '';
          throw new CliError(`the transparency log diverges${at}: ${report.divergence.what}; checked ${counted}`);
        }
        output.out(`The transparency log is intact: ${counted} recomputed and checked.\n`);
        // Verify reads; appending is the running server's: say what it has yet to append.
        const queued = await services.transparency.countQueued();
        if (queued > 0) output.out(`${queued} committed records are waiting to be appended by a running server.\n`);
      }),
    );
}
