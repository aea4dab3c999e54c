import { Command } from 'commander';
import type { AppServices } from '../app-services.js';
import type { TestPlatform } from './test-platform.js';

type CommandBuilder = (
  program: Command,
  open: () => Promise<AppServices>,
  output: { out(text: string): void; err(text: string): void },
) => void;

/**
 * Runs a command line (`['user', 'add', …]`) built by a command builder against a test
 * platform, capturing what it prints. The command's close is a no-op so the platform
 * stays open for the next command. A failing command rejects with its error.
 */
export async function runCommand(
  platform: TestPlatform,
  register: CommandBuilder,
  args: string[],
): Promise<{ out: string; err: string }> {
  const captured = { out: '', err: '' };
  const program = new Command('qingfeng').exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
  const services: AppServices = {
    ...platform.services,
    database: { ...platform.services.database, close: async () => {} },
  };
  register(program, async () => services, { out: (t) => (captured.out += t), err: (t) => (captured.err += t) });
  await program.parseAsync(args, { from: 'user' });
  return captured;
}
