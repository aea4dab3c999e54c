import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { addCurrentKey, KeyInUseError, reencryptAll, retireKey } from '../../modules/keys/index.js';
import { KeyRingError } from '../../security/key-ring.js';
import type { KeyRingSource } from '../../security/master-key.js';
import { CliError } from '../cli-error.js';
import { type CommandOutput, processOutput, type WithPlatform } from './open-services.js';

// Running servers look at the key file once a second; waiting a little longer before
// re-encrypting means they already write with the new key by then.
const RING_PICKUP_MS = 1500;

/**
 * `qingfeng keys rotate|retire`: a new field-encryption key, everything re-sealed under it
 * while the platform stays in use, and an old key removed once nothing needs it.
 */
export function registerKeyCommands(
  program: Command,
  withPlatform: WithPlatform,
  openRing: () => KeyRingSource,
  output: CommandOutput = processOutput,
): void {
  const keys = program.command('keys').description('Manage the keys that encrypt personal data');

  keys
    .command('rotate')
    .description('Add a new current key, then re-encrypt every ciphertext and blind index under it')
    .option('--resume', 'do not add a key: finish re-encrypting under the current one (after an interruption)')
    .option('--batch <rows>', 'rows per transaction', '500')
    .action(async (options: { resume?: boolean; batch: string }) => {
      const batchSize = Number(options.batch);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new CliError('--batch must be a positive whole number');
      const ring = openRing();
      if (!options.resume) {
        const added = addCurrentKey(ring, new Date());
        if (added === null) {
          output.err('The key ring comes from QF_KEY_RING: re-encrypting under its current key.\n');
        } else {
          output.err(`Added key version ${added}; waiting for running servers to read it…\n`);
          await sleep(RING_PICKUP_MS);
        }
      }
      const counts = await withPlatform((services) =>
        reencryptAll(
          { db: services.database.db, lake: services.lake, fieldCrypto: services.fieldCrypto },
          { batchSize, onBatch: (c) => output.err(`  ${c.users} users, ${c.subjects} subjects so far\n`) },
        ),
      );
      output.out(
        `Key version ${ring.ring().current} is current. Re-encrypted ${counts.users} users (phone numbers, TOTP secrets), ${counts.subjects} lake subjects and ${counts.accounts} bank accounts.\n`,
      );
    });

  keys
    .command('retire <version>')
    .description('Remove a key version from the ring, once no ciphertext uses it')
    .action(async (version: string) => {
      const n = Number(version);
      if (!Number.isInteger(n) || n < 1) throw new CliError(`"${version}" is not a key version`);
      const ring = openRing();
      await withPlatform(async (services) => {
        try {
          await retireKey(
            ring,
            { db: services.database.db, lake: services.lake, fieldCrypto: services.fieldCrypto },
            n,
          );
        } catch (error) {
          throw error instanceof KeyInUseError || error instanceof KeyRingError ? new CliError(error.message) : error;
        }
      });
      output.out(
        ring.writable
          ? `Key version ${n} retired.\n`
          : `Nothing uses key version ${n}: remove it from QF_KEY_RING on every server.\n`,
      );
    });
}
