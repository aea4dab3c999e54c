import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { buildApp } from '../../app/build-app.js';
import { setUpDemo } from '../../demo/setup-demo.js';
import { ensureFirstAdministrators } from '../../app/first-administrators.js';
import { closePlatform, openPlatform } from '../../app/open-platform.js';
import { processOutput } from './open-services.js';
import { printLogins } from './print-logins.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('Start the platform: migrate, create the first administrators if needed, serve the API and console')
    .option('-p, --port <port>', 'port to listen on (QF_PORT)')
    .option('--host <host>', 'address to listen on (QF_HOST)')
    .action(async (options: { port?: string; host?: string }) => {
      const env = { ...process.env };
      if (options.port) env.QF_PORT = options.port;
      if (options.host) env.QF_HOST = options.host;
      const config = loadConfig(env);
      const services = await openPlatform(config);
      const logins = await ensureFirstAdministrators(services);
      // A new data folder (no users until just now) gets the demo county, unless QF_DEMO=false.
      if (logins.length > 0 && config.demo) {
        const demo = await setUpDemo(services, {
          seed: 1,
          scale: 1,
          onProgress: (message) => process.stderr.write(`${message}\n`),
        });
        logins.push(...demo.staff);
      }
      const { app } = await buildApp(services);
      // The transparency log's sequencer and tree heads run in this process, beside the requests.
      services.transparency.start();
      // Deadline reminders and overdue notices, swept now and every quarter of an hour.
      services.deadlineSweep.start();
      const shutdown = async () => {
        await app.close();
        await closePlatform(services);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
      await app.listen({ host: config.host, port: config.port });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? '127.0.0.1' : config.host;
      process.stdout.write(`Qingfeng is running at http://${shownHost}:${port}\n`);
      printLogins(logins, processOutput);
    });
}
