#!/usr/bin/env node
import { Command } from 'commander';
import { ConfigError } from '../config/config.js';
import { registerMigrateCommand } from './commands/migrate-command.js';
import { registerServeCommand } from './commands/serve-command.js';
import { CliError } from './cli-error.js';

const program = new Command()
  .name('qingfeng')
  .description('Qingfeng (清风) big-data supervision platform')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

registerServeCommand(program);
registerMigrateCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError || error instanceof CliError) {
    process.stderr.write(`qingfeng: ${error.message}\n`);
  } else {
    process.stderr.write(`qingfeng: ${(error as Error).message ?? String(error)}\n`);
  }
  process.exitCode = 1;
}
