import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { freePort } from '../harness/server.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** True while something accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Runs `npm start` exactly as a person would (its build included), in a process group of
 * its own as a terminal gives it, and waits until the server says it listens.
 */
async function npmStart(): Promise<{ npm: ChildProcess; port: number }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'qingfeng-npm-start-'));
  const port = await freePort();
  const npm = spawn('npm', ['start'], {
    cwd: REPO,
    detached: true,
    env: { ...process.env, QF_DATA_DIR: dataDir, QF_PORT: String(port), QF_DEMO: 'false', QF_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  cleanups.push(async () => {
    // Whatever the test saw, nothing it started outlives it: the whole group goes.
    try {
      process.kill(-npm.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    await rm(dataDir, { recursive: true, force: true });
  });
  let output = '';
  npm.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  npm.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start did not come up\n${output}`)), 150_000);
    npm.stdout?.on('data', () => {
      if (output.includes('Qingfeng is running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    npm.once('exit', (code) => reject(new Error(`npm start exited with ${code}\n${output}`)));
  });
  expect(await listening(port)).toBe(true);
  return { npm, port };
}

/** Polls until nothing listens on the port, or fails after the deadline. */
async function portFreed(port: number, deadlineMs = 15_000): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    if (!(await listening(port))) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return false;
}

test('[SERVE]: SIGTERM sent to `npm start` alone (a service manager, `kill <pid>`) stops the server', async () => {
  const { npm, port } = await npmStart();
  npm.kill('SIGTERM');
  await exited(npm);
  expect(await portFreed(port), 'the server still listens after npm start was told to stop').toBe(true);
});

test('[SERVE]: Ctrl-C in the terminal (SIGINT to the foreground group) stops the server', async () => {
  const { npm, port } = await npmStart();
  process.kill(-npm.pid!, 'SIGINT');
  await exited(npm);
  expect(await portFreed(port), 'the server still listens after Ctrl-C').toBe(true);
});
