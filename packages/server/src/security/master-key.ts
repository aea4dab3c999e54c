import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config.js';
import { type KeyRing, parseKeyRing, singleKeyRing } from './key-ring.js';

/** Where the key ring comes from, re-read when the file changes (see FileKeyRingSource). */
export interface KeyRingSource {
  ring(): KeyRing;
  /** Whether `save` may change the ring (false when it comes from the environment). */
  readonly writable: boolean;
  save(ring: KeyRing): void;
}

// How often a running server looks at the key file's modification time: `keys rotate` in
// another process adds a key, and this server must read (and then write) with it promptly.
const RECHECK_MS = 1000;

/**
 * The key ring of this deployment: QF_KEY_RING when set (shared deployments, so every server
 * holds the same keys); else `keys.json` in the data folder, readable by the owner only;
 * else the single key of older data folders (QF_SECRET_KEY or `secret.key`) as version 1.
 * A new data folder gets a `keys.json` with one fresh key.
 */
export function openKeyRing(config: Config): KeyRingSource {
  if (config.keyRing) {
    const ring = parseKeyRing(config.keyRing, 'QF_KEY_RING');
    return { ring: () => ring, writable: false, save: () => refuseEnvSave() };
  }
  const file = path.join(config.dataDir, 'keys.json');
  if (!existsSync(file)) {
    const legacy = legacyKey(config);
    mkdirSync(config.dataDir, { recursive: true });
    writeRingFile(file, singleKeyRing(legacy ?? randomBytes(32)));
  }
  return new FileKeyRingSource(file);
}

function legacyKey(config: Config): Buffer | null {
  if (config.secretKey) return Buffer.from(config.secretKey, 'hex');
  const file = path.join(config.dataDir, 'secret.key');
  return existsSync(file) ? Buffer.from(readFileSync(file, 'utf8').trim(), 'hex') : null;
}

function refuseEnvSave(): never {
  throw new Error('The key ring comes from QF_KEY_RING: change it there on every server');
}

class FileKeyRingSource implements KeyRingSource {
  readonly writable = true;
  private cached: KeyRing;
  private version: string;
  private checkedAt = Date.now();

  constructor(private readonly file: string) {
    this.version = fileVersion(file);
    this.cached = parseKeyRing(readFileSync(file, 'utf8'), file);
  }

  ring(): KeyRing {
    const now = Date.now();
    if (now - this.checkedAt < RECHECK_MS) return this.cached;
    this.checkedAt = now;
    const version = fileVersion(this.file);
    if (version !== this.version) {
      this.cached = parseKeyRing(readFileSync(this.file, 'utf8'), this.file);
      this.version = version;
    }
    return this.cached;
  }

  save(ring: KeyRing): void {
    writeRingFile(this.file, ring);
    this.cached = ring;
    this.version = fileVersion(this.file);
  }
}

/**
 * What tells one state of the ring file from the next. A save renames a new file into place,
 * so its inode changes even when the clock's tick has not and the mtime reads the same.
 */
function fileVersion(file: string): string {
  const { ino, mtimeMs, size } = statSync(file);
  return `${ino}:${mtimeMs}:${size}`;
}

/** Writes through a temporary file and a rename, so a reader never sees half a ring. */
function writeRingFile(file: string, ring: KeyRing): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(ring, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}
