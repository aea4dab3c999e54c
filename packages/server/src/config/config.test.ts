import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, isCookieSecure, loadConfig } from './config.js';

describe('configuration', () => {
  it('has working defaults for the embedded platform', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 8080, sessionIdleMinutes: 30, sessionAbsoluteHours: 12, lockoutThreshold: 5 });
    expect(config.databaseUrl).toBeUndefined();
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(isCookieSecure(config)).toBe(false);
  });

  it("reads the overview's overdue threshold, 30 days unless set, from 1 to 365", () => {
    expect(loadConfig({}).overdueDays).toBe(30);
    expect(loadConfig({ QF_OVERDUE_DAYS: '45' }).overdueDays).toBe(45);
    expect(() => loadConfig({ QF_OVERDUE_DAYS: '0' })).toThrow(/QF_OVERDUE_DAYS/);
  });

  it('reports every problem at once, by environment variable', () => {
    let error: unknown;
    try {
      loadConfig({
        QF_PORT: 'eighty',
        QF_DATABASE_URL: 'mysql://x',
        QF_SECRET_KEY: 'short',
        QF_AUDIT_RETENTION_DAYS: '30',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['QF_PORT', 'QF_DATABASE_URL', 'QF_SECRET_KEY', 'QF_AUDIT_RETENTION_DAYS']) {
      expect(problems).toContain(name);
    }
  });

  it('reads a JSON config file, with the environment taking precedence', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'qf-config-')), 'qingfeng.json');
    writeFileSync(file, JSON.stringify({ port: 9000, lockoutMinutes: 20, lakeMemoryLimit: '512MB' }));
    const config = loadConfig({ QF_CONFIG_FILE: file, QF_PORT: '9100' });
    expect(config).toMatchObject({ port: 9100, lockoutMinutes: 20, lakeMemoryLimit: '512MB' });
  });

  it('marks cookies Secure behind a TLS-terminating proxy', () => {
    expect(isCookieSecure(loadConfig({ QF_TRUST_PROXY: 'true' }))).toBe(true);
    expect(isCookieSecure(loadConfig({ QF_TRUST_PROXY: 'true', QF_COOKIE_SECURE: 'false' }))).toBe(false);
  });
});
