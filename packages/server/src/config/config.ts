import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_CLUE_NUMBERING, checkNumberingScheme } from '@qingfeng/core';
import { z } from 'zod';

/**
 * Every setting Qingfeng reads, with its environment variable. Values come from the
 * environment first, then from the optional JSON file named by QF_CONFIG_FILE, then the
 * defaults. All problems are reported together so an operator fixes them in one pass.
 */
const ZConfig = z.object({
  /** QF_DATA_DIR: folder for the embedded stores (PGlite, DuckDB), keys and uploads. */
  dataDir: z.string().min(1).default('./data'),
  /** QF_HOST / QF_PORT: where the HTTP server listens. */
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65_535).default(8080),
  /** QF_DATABASE_URL: PostgreSQL for the operational store; unset = PGlite in the data folder. */
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  /** QF_LAKE_URL: PostgreSQL for the analytical lake; unset = DuckDB file in the data folder. */
  lakeUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  /**
   * QF_LAKE_READER_URL: with QF_LAKE_URL, a PostgreSQL login that may only SELECT the lake's
   * ds_* tables (no superuser, no pg_read_server_files…), under which model queries and
   * previews run. Unset = the lake creates such a login itself, which needs QF_LAKE_URL's
   * user to have CREATEROLE; with neither, the server refuses to start.
   */
  lakeReaderUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
    .optional(),
  /**
   * QF_SECRET_KEY: 64 hex characters (32 bytes) used to encrypt identity and phone numbers
   * at rest. Unset = a key generated once and kept in the data folder (embedded use only).
   */
  secretKey: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hexadecimal characters')
    .optional(),
  /**
   * QF_KEY_RING: the key ring as JSON (docs/security.md), for shared deployments where every
   * server must hold the same keys. Unset = `keys.json` in the data folder.
   */
  keyRing: z.string().min(1).optional(),
  /** QF_FIELD_CIPHER: how new ciphertexts are sealed: aes-256-gcm, or sm4-ctr-hmac-sm3 (GM). */
  fieldCipher: z.enum(['aes-256-gcm', 'sm4-ctr-hmac-sm3']).default('aes-256-gcm'),
  /**
   * QF_LAKE_MEMORY_LIMIT: DuckDB's memory limit (e.g. 512MB, 2GB); past it, large imports
   * and model runs spill to a temporary folder beside the lake file. Unset = DuckDB's default.
   */
  lakeMemoryLimit: z
    .string()
    .regex(/^\d+(MB|GB)$/, 'must be a size such as 512MB or 2GB')
    .optional(),
  /** QF_SESSION_IDLE_MINUTES / QF_SESSION_ABSOLUTE_HOURS: session lifetimes. */
  sessionIdleMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  sessionAbsoluteHours: z.coerce.number().int().min(1).max(72).default(12),
  /** QF_LOCKOUT_THRESHOLD / QF_LOCKOUT_MINUTES: failed sign-ins before a lock, and its length. */
  lockoutThreshold: z.coerce.number().int().min(1).max(100).default(5),
  lockoutMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** QF_PASSWORD_MAX_AGE_DAYS: days before a password must be changed; 0 = never expires. */
  passwordMaxAgeDays: z.coerce.number().int().min(0).max(3650).default(90),
  /** QF_OVERDUE_DAYS: days an open warning waits before the overview counts it overdue. */
  overdueDays: z.coerce.number().int().min(1).max(365).default(30),
  /** QF_COOKIE_SECURE: mark cookies Secure (behind TLS). Defaults to true when QF_TRUST_PROXY is set. */
  cookieSecure: z.stringbool().optional(),
  /** QF_TRUST_PROXY: trust X-Forwarded-* from a reverse proxy that terminates TLS. */
  trustProxy: z.stringbool().default(false),
  /** QF_AUDIT_RETENTION_DAYS: minimum age before audit rows may be archived (never below 180). */
  auditRetentionDays: z.coerce.number().int().min(180).default(180),
  /** QF_PUBLIC_RATE_LIMIT: requests per minute per IP on public (unauthenticated) routes. */
  publicRateLimit: z.coerce.number().int().min(1).default(30),
  /**
   * QF_API_KEY_FAILURE_LIMIT: refused API key attempts (no key, a wrong, revoked or expired
   * one) an address may make per window before its pushes are answered 429 until the window ends.
   */
  apiKeyFailureLimit: z.coerce.number().int().min(1).max(10_000).default(10),
  /**
   * QF_API_KEY_FAILURE_WINDOW_MINUTES: length of that window; the refused attempts of an
   * address are audited once per window, as counts.
   */
  apiKeyFailureWindowMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** QF_LOG_LEVEL: fatal, error, warn, info, debug, trace or silent. */
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * QF_AUTO_RUN_MODELS: after each import, run the models that read the dataset on the new rows;
   * after a rollback, re-run them in full on what remains.
   */
  autoRunModels: z.stringbool().default(true),
  /** QF_DEMO: load the demo region when the data folder is new. */
  demo: z.stringbool().default(true),
  /**
   * QF_IMPORT_MAX_RECORD_BYTES: the longest line (CSV, JSON Lines), record (a CSV record
   * with quoted line breaks), JSON array element or XLSX cell an import reads; a file with
   * a longer one is refused with a 400 after reading that much of it. The widest real
   * record (~60 fields of a few hundred characters) is tens of kilobytes: 1 MiB leaves
   * room twenty times over and keeps a file without line feeds from being gathered into
   * one string (a 300 MB line exhausted the heap). At most 2,000,000: DuckDB's CSV reader
   * skips, without an error, lines past its 2 MiB default.
   */
  importMaxRecordBytes: z.coerce
    .number()
    .int()
    .min(4096)
    .max(2_000_000)
    .default(1 << 20),
  /**
   * QF_IMPORT_MAX_HEADER_BYTES: the longest header line (CSV) or header names together
   * (JSON, XLSX). The widest data standard type has a few dozen columns of some tens of
   * characters, under 4 KiB; 64 KiB allows sixteen times that, and bounds the header's
   * matching against every field's synonyms and the mapping template a refusal returns.
   */
  importMaxHeaderBytes: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1 << 20)
    .default(64 << 10),
  /**
   * QF_GM_ALGORITHMS: the deployment asks for China's commercial cryptography (GM) algorithms:
   * the transparency log hashes with SM3 instead of SHA-256 (fixed once the log has its first
   * entry) and its tree heads carry an SM2 signature beside the Ed25519 one.
   */
  gmAlgorithms: z.stringbool().default(false),
  /** QF_LOG_ORIGIN: the transparency log's name in its checkpoints (no spaces, no "+"). */
  logOrigin: z
    .string()
    .regex(/^[^\s+]+$/, 'no spaces or "+"')
    .default('qingfeng.local/log'),
  /**
   * QF_LOG_SEQUENCE_MS: how often the sequencer appends what is waiting to the log. An entry is
   * in the log at most this long (plus one pass) after its transaction commits.
   */
  logSequenceMs: z.coerce.number().int().min(50).max(60_000).default(1000),
  /** QF_LOG_TREE_HEAD_MINUTES: how often a new tree head is signed (when the log has grown). */
  logTreeHeadMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(10),
  /**
   * QF_LOG_ED25519_KEY: 64 hex characters, the 32-byte Ed25519 private key that signs tree heads.
   * Unset = a key generated once in the data folder (log-ed25519.key, owner-only). Several
   * servers sharing one PostgreSQL must share this key.
   */
  logEd25519Key: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters')
    .optional(),
  /** QF_LOG_SM2_KEY: 64 hex characters, the SM2 private key (with QF_GM_ALGORITHMS); unset = log-sm2.key in the data folder. */
  logSm2Key: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters')
    .optional(),
  /**
   * QF_BACKUP_PASSPHRASE_FILE: a file (owner-only) holding the passphrase that seals and
   * opens backups (`qingfeng backup` / `restore`); its first line is the passphrase. It is
   * not a field key: a backup's keys come from it by scrypt (docs/operations.md).
   */
  backupPassphraseFile: z.string().min(1).optional(),
  /** QF_BACKUP_PASSPHRASE: the same passphrase given directly (at least 12 characters); the file is preferred. */
  backupPassphrase: z.string().min(12, 'must be at least 12 characters').optional(),
  /**
   * QF_CLUE_NUMBERING: the pattern of clue registration numbers (docs/clues.md): literal text
   * and {org}, {year} and {seq} or {seq:N}, the year and the running number once each.
   * Default `{org}线〔{year}〕{seq:4}` (县纪线〔2026〕0001).
   */
  clueNumbering: z
    .string()
    .default(DEFAULT_CLUE_NUMBERING.pattern)
    .superRefine((pattern, ctx) => {
      for (const problem of checkNumberingScheme({ pattern })) ctx.addIssue({ code: 'custom', message: problem.en });
    }),
});

export type Config = z.infer<typeof ZConfig>;

const ENV_NAMES: Record<keyof Config, string> = {
  dataDir: 'QF_DATA_DIR',
  host: 'QF_HOST',
  port: 'QF_PORT',
  databaseUrl: 'QF_DATABASE_URL',
  lakeUrl: 'QF_LAKE_URL',
  lakeReaderUrl: 'QF_LAKE_READER_URL',
  secretKey: 'QF_SECRET_KEY',
  keyRing: 'QF_KEY_RING',
  fieldCipher: 'QF_FIELD_CIPHER',
  lakeMemoryLimit: 'QF_LAKE_MEMORY_LIMIT',
  sessionIdleMinutes: 'QF_SESSION_IDLE_MINUTES',
  sessionAbsoluteHours: 'QF_SESSION_ABSOLUTE_HOURS',
  lockoutThreshold: 'QF_LOCKOUT_THRESHOLD',
  lockoutMinutes: 'QF_LOCKOUT_MINUTES',
  passwordMaxAgeDays: 'QF_PASSWORD_MAX_AGE_DAYS',
  overdueDays: 'QF_OVERDUE_DAYS',
  cookieSecure: 'QF_COOKIE_SECURE',
  trustProxy: 'QF_TRUST_PROXY',
  auditRetentionDays: 'QF_AUDIT_RETENTION_DAYS',
  publicRateLimit: 'QF_PUBLIC_RATE_LIMIT',
  apiKeyFailureLimit: 'QF_API_KEY_FAILURE_LIMIT',
  apiKeyFailureWindowMinutes: 'QF_API_KEY_FAILURE_WINDOW_MINUTES',
  logLevel: 'QF_LOG_LEVEL',
  autoRunModels: 'QF_AUTO_RUN_MODELS',
  demo: 'QF_DEMO',
  importMaxRecordBytes: 'QF_IMPORT_MAX_RECORD_BYTES',
  importMaxHeaderBytes: 'QF_IMPORT_MAX_HEADER_BYTES',
  gmAlgorithms: 'QF_GM_ALGORITHMS',
  logOrigin: 'QF_LOG_ORIGIN',
  logSequenceMs: 'QF_LOG_SEQUENCE_MS',
  logTreeHeadMinutes: 'QF_LOG_TREE_HEAD_MINUTES',
  logEd25519Key: 'QF_LOG_ED25519_KEY',
  logSm2Key: 'QF_LOG_SM2_KEY',
  backupPassphraseFile: 'QF_BACKUP_PASSPHRASE_FILE',
  backupPassphrase: 'QF_BACKUP_PASSPHRASE',
  clueNumbering: 'QF_CLUE_NUMBERING',
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function readConfigFile(file: string | undefined): Record<string, unknown> {
  if (!file) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new ConfigError([`QF_CONFIG_FILE ${file}: must hold a JSON object`]);
    }
    return parsed as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError([`QF_CONFIG_FILE ${file}: ${(error as Error).message}`]);
  }
}

/**
 * Builds the configuration from the environment (and the optional config file), or throws
 * a ConfigError listing every invalid setting by its environment variable name.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const fromFile = readConfigFile(env.QF_CONFIG_FILE);
  const input: Record<string, unknown> = { ...fromFile };
  for (const [key, name] of Object.entries(ENV_NAMES)) {
    const value = env[name];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const result = ZConfig.safeParse(input);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => {
        const key = String(issue.path[0] ?? '');
        const name = ENV_NAMES[key as keyof Config] ?? key;
        return `${name}: ${issue.message}`;
      }),
    );
  }
  // Overrides come from code (tests, CLI flags) and are already typed.
  const config = { ...result.data, ...overrides };
  return { ...config, dataDir: path.resolve(config.dataDir) };
}

/** Whether session cookies carry the Secure flag. */
export function isCookieSecure(config: Config): boolean {
  return config.cookieSecure ?? config.trustProxy;
}
