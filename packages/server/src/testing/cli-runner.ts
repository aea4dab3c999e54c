import { Command } from 'commander';
import { type CommandOutput, platformRunner, type WithPlatform } from '../cli/commands/open-services.js';
import type { TestPlatform } from './test-platform.js';

type CommandBuilder = (program: Command, withPlatform: WithPlatform, output: CommandOutput) => void;

/**
 * Runs a command line (`['user', 'add', …]`) built by a command builder against a test
 * platform, capturing what it prints. Closing is a no-op so the platform stays open for
 * the next command. A failing command rejects with its error.
 */
export async function runCommand(
  platform: TestPlatform,
  register: CommandBuilder,
  args: string[],
): Promise<{ out: string; err: string }> {
  const captured = { out: '', err: '' };
  const program = new Command('qingfeng').exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  const runner = platformRunner(
    async () => platform.services,
    async () => {},
  );
  register(program, runner, { out: (t) => (captured.out += t), err: (t) => (captured.err += t) });
  await program.parseAsync(args, { from: 'user' });
  return captured;
}
