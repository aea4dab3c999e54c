import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const CLI = path.join(REPO, 'packages/server/dist/cli/main.js');

export type AdminName = 'sysadmin' | 'secadmin' | 'auditor';

/** A user the server created at first start, with the one-time password it printed. */
export interface Login {
  username: string;
  role: string;
  password: string;
}

export interface RunningServer {
  baseUrl: string;
  /** The first administrators' one-time passwords, as printed at first start. */
  passwords: Record<AdminName, string>;
  /** Every login printed at first start (the demo staff's too), in the order printed. */
  logins: Login[];
  /** Everything the server printed so far, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

const RUNNING = /Qingfeng is running at (http:\/\/\S+)/;
const LOGIN = /^ {2}username: (\S+) {2}role: (\S+) {2}password: (\S+)$/gm;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function parseLogins(text: string): Login[] {
  return [...text.matchAll(LOGIN)].map(([, username = '', role = '', password = '']) => ({ username, role, password }));
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export interface ServerOptions {
  /** Load the demo county (its files, models' runs and staff) as `npm start` does; off by default. */
  demo?: boolean;
  timeoutMs?: number;
}

/**
 * Starts the built server (`node packages/server/dist/cli/main.js serve`) on a free port
 * and a fresh data folder, and resolves once it listens and has printed the three first
 * administrators' passwords. The data folder is deleted by `stop()`.
 */
export async function startServer({ demo = false, timeoutMs = 90_000 }: ServerOptions = {}): Promise<RunningServer> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'qingfeng-e2e-'));
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve'], {
    cwd: REPO,
    env: { ...process.env, QF_DATA_DIR: dataDir, QF_PORT: String(port), QF_DEMO: String(demo), QF_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const output = () => `--- stdout\n${stdout}\n--- stderr\n${stderr}`;
  const stop = async () => {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    const ready = await new Promise<Omit<RunningServer, 'output' | 'stop'>>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Server not ready after ${timeoutMs} ms\n${output()}`)),
        timeoutMs,
      );
      const check = () => {
        const running = RUNNING.exec(stdout);
        const logins = parseLogins(stdout);
        const password = (name: string) => logins.find((login) => login.username === name)?.password;
        const [sysadmin, secadmin, auditor] = [password('sysadmin'), password('secadmin'), password('auditor')];
        // The logins are printed after the address: wait for the last one a demo start prints.
        if (running?.[1] && sysadmin && secadmin && auditor && (!demo || password('demo.supervision'))) {
          clearTimeout(timer);
          resolve({ baseUrl: running[1], passwords: { sysadmin, secadmin, auditor }, logins });
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Server exited with code ${code}\n${output()}`));
      });
    });
    return { ...ready, output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
