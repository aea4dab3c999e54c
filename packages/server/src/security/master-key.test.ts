import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.js';
import { FieldCrypto } from './field-crypto.js';
import { singleKeyRing, withNewKey } from './key-ring.js';
import { openKeyRing } from './master-key.js';

const folder = () => mkdtempSync(path.join(tmpdir(), 'qf-keys-'));

describe('openKeyRing', () => {
  it('makes a data folder’s old secret.key version 1 of a new keys.json, readable by the owner only', () => {
    const dataDir = folder();
    const legacy = randomBytes(32);
    writeFileSync(path.join(dataDir, 'secret.key'), legacy.toString('hex'));
    const source = openKeyRing(loadConfig({}, { dataDir }));
    expect(source.ring()).toEqual(singleKeyRing(legacy));
    const file = path.join(dataDir, 'keys.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(new FieldCrypto(source).blindIndex('a')).toBe(new FieldCrypto(legacy).blindIndex('a'));
  });

  it('saves a rotated ring for other processes to read, and follows the file when it changes', async () => {
    const dataDir = folder();
    const config = loadConfig({}, { dataDir });
    const writer = openKeyRing(config);
    const reader = new FieldCrypto(openKeyRing(config));
    expect(reader.currentVersion()).toBe(1);
    writer.save(withNewKey(writer.ring(), new Date()));
    expect(JSON.parse(readFileSync(path.join(dataDir, 'keys.json'), 'utf8')).current).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(reader.currentVersion()).toBe(2);
  });

  it('takes QF_KEY_RING over the data folder, and refuses to change it', () => {
    const ring = withNewKey(singleKeyRing(randomBytes(32)), new Date());
    const source = openKeyRing(loadConfig({ QF_KEY_RING: JSON.stringify(ring) }, { dataDir: folder() }));
    expect(source.ring()).toEqual(ring);
    expect(source.writable).toBe(false);
    expect(() => source.save(ring)).toThrow(/QF_KEY_RING/);
    expect(() => openKeyRing(loadConfig({ QF_KEY_RING: '{"current":3,"keys":[]}' }, {}))).toThrow(/not a key ring/);
  });
});
