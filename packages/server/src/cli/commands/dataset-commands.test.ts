import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../testing/cli-runner.js';
import { buildOrganisation } from '../../testing/factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { DEATHS_CSV, MORE_DEATHS_CSV, PAYMENTS_CSV } from '../../testing/warnings-fixture.js';
import { registerDatasetCommands } from './dataset-commands.js';

/*
 * `qingfeng import` runs the models that read the new rows before it returns, printing
 * their progress, so a scripted import leaves its warnings behind (the queued run used to
 * be lost when the command exited); `--no-run` leaves them for `models run`.
 */
for (const engine of testEngines()) {
  describe(`qingfeng import runs the models it feeds (${engine})`, () => {
    let platform: TestPlatform;
    let files = 0;
    const file = (content: string) => {
      files += 1;
      const name = path.join(platform.dataDir, `cli-${files}.csv`);
      writeFileSync(name, `${content}\n`);
      return name;
    };
    const run = (...args: string[]) => runCommand(platform, registerDatasetCommands, args);
    const warningsOf = (model: string) =>
      platform.services.database.db.selectFrom('warnings').select('id').where('model_id', '=', model).execute();

    beforeAll(async () => {
      // The deployment's one commission owns what the command line imports.
      platform = await createTestPlatform(engine);
      await buildOrganisation(platform.services.database.db);
    });
    afterAll(async () => platform?.close());

    it('with --no-run, loads the batch and runs nothing', async () => {
      const result = await run('import', '--type', 'benefit_payment', '--no-run', file(PAYMENTS_CSV));
      expect(result.out).toMatch(/batch \d+: benefit_payment loaded/);
      expect(result.out).not.toMatch(/^run \d+/m);
      expect(await platform.services.database.db.selectFrom('model_runs').select('id').execute()).toEqual([]);
    });

    it('a death imported from the command line raises its warnings before the command returns', async () => {
      const result = await run('import', '--type', 'death', file(DEATHS_CSV));
      expect(result.out).toMatch(/batch \d+: death loaded/);
      expect(result.err).toMatch(/run \d+: \d+\/\d+ models/);
      expect(result.out).toMatch(/^W01\s+2 hits in \d+ ms/m);
      expect(result.out).toMatch(/run \d+ succeeded: \d+ succeeded, \d+ skipped, 0 failed of \d+ models; 2 new/);
      // Alice and Dave died before their payments: found without `models run`.
      expect(await warningsOf('W01')).toHaveLength(2);
      const runs = await platform.services.database.db.selectFrom('model_runs').selectAll().execute();
      expect(runs.map((r) => r.status)).toEqual(['succeeded']);
    });

    it('fails, saying the batch is loaded, when a model of its run failed', async () => {
      const services = platform.services as { lake: TestPlatform['services']['lake'] };
      const lake = services.lake;
      services.lake = new Proxy(lake, {
        get(target, prop) {
          const value: unknown = Reflect.get(target, prop, target);
          if (typeof value !== 'function') return value;
          if (prop !== 'queryUntrusted') return (value as () => unknown).bind(target);
          return () => Promise.reject(new Error('engine down'));
        },
      });
      try {
        await expect(run('import', '--type', 'death', file(MORE_DEATHS_CSV))).rejects.toThrow(
          /the batch is loaded, but run \d+ failed/,
        );
      } finally {
        services.lake = lake;
      }
    });
  });
}
