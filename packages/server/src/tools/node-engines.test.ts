import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { expect, test } from 'vitest';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const readJson = (file: string) => JSON.parse(readFileSync(`${REPO}${file}`, 'utf8')) as Record<string, unknown>;

interface LockedPackage {
  version?: string;
  engines?: { node?: string };
}

/**
 * `npm install` warns (EBADENGINE) for every locked package whose `engines.node` excludes the
 * running Node. The README and the root package.json state the oldest Node the platform
 * runs on; every package in the lock must accept it, so an install on that Node is quiet.
 * A dependency that moves to a newer Node is pinned under `overrides` in package.json.
 */
test('every locked package accepts the oldest Node the README states', () => {
  const root = readJson('package.json') as { engines: { node: string } };
  const oldest = semver.minVersion(root.engines.node);
  expect(oldest, 'package.json engines.node').not.toBeNull();
  const readme = readFileSync(`${REPO}README.md`, 'utf8');
  const stated = /Node\.js (\d+\.\d+)\+/.exec(readme)?.[1];
  expect(`${stated}.0`, 'the Node version the README states').toBe(oldest!.version);

  const lock = readJson('package-lock.json') as { packages: Record<string, LockedPackage> };
  const refusing = Object.entries(lock.packages)
    .filter(([, pkg]) => pkg.engines?.node && !semver.satisfies(oldest!, pkg.engines.node))
    .map(([where, pkg]) => `${where}@${pkg.version}: node ${pkg.engines!.node}`);
  expect(refusing).toEqual([]);
});
