#!/usr/bin/env node
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config/config.js';
import { openKeyRing } from '../security/master-key.js';
import { CliError } from './cli-error.js';
import { openConfiguredDatabase, openConfiguredLake } from '../app/open-platform.js';
import { registerBackupCommands, type TargetStores } from './commands/backup-commands.js';
import { registerDatasetCommands } from './commands/dataset-commands.js';
import { registerDemoCommand } from './commands/demo-command.js';
import { registerKeyCommands } from './commands/keys-commands.js';
import { registerMigrateCommand } from './commands/migrate-command.js';
import { registerModelCommands, registerWarningCommands } from './commands/model-commands.js';
import { withPlatform } from './commands/open-services.js';
import { registerOrgCommands } from './commands/org-commands.js';
import { registerServeCommand } from './commands/serve-command.js';
import { registerUserCommands } from './commands/user-commands.js';
import { registerVerifyCommand } from './commands/verify-command.js';
import { registerWitnessCommand } from './commands/witness-command.js';

const program = new Command()
  .name('qingfeng')
  .description('Qingfeng (清风) big-data supervision platform')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

registerServeCommand(program);
registerMigrateCommand(program);
registerUserCommands(program, withPlatform);
registerOrgCommands(program, withPlatform);
registerDatasetCommands(program, withPlatform);
registerDemoCommand(program, withPlatform);
registerModelCommands(program, withPlatform);
registerWarningCommands(program, withPlatform);
registerVerifyCommand(program, withPlatform);
registerWitnessCommand(program);
registerKeyCommands(program, withPlatform, () => openKeyRing(loadConfig()));
registerBackupCommands(program, withPlatform, openRestoreTarget, () => loadConfig());

/** The configured stores as they are: a restore must see them empty, before any migration. */
async function openRestoreTarget(): Promise<TargetStores> {
  const config = loadConfig();
  const database = await openConfiguredDatabase(config);
  try {
    const lake = await openConfiguredLake(config);
    return {
      database,
      lake,
      close: async () => {
        await lake.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  // Expected failures (bad config, bad input) print their message alone; anything else
  // is a bug, so its stack is worth showing.
  const text =
    error instanceof ConfigError || error instanceof CliError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`qingfeng: ${text}\n`);
  process.exitCode = error instanceof CliError ? error.exitCode : 1;
}
