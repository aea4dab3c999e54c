import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { openDatabase } from '../../db/database.js';
import { migrateDown, migrateToLatest } from '../../db/migrate.js';
import path from 'node:path';

export function registerMigrateCommand(program: Command): void {
  program
    .command('migrate')
    .description('Bring the operational store up to date (or revert the last migration with --down)')
    .option('--down', 'revert the most recent migration')
    .action(async (options: { down?: boolean }) => {
      const config = loadConfig();
      const database = await openDatabase(
        config.databaseUrl ? { url: config.databaseUrl } : { directory: path.join(config.dataDir, 'operational') },
      );
      try {
        const names = options.down ? await migrateDown(database.db) : await migrateToLatest(database.db);
        const verb = options.down ? 'Reverted' : 'Applied';
        process.stdout.write(names.length ? `${verb}: ${names.join(', ')}\n` : 'Already up to date\n');
      } finally {
        await database.close();
      }
    });
}
