import type { LogHashName } from '@qingfeng/core';
import type { Platform } from '../../platform/platform.js';
import { loadLogSigners, type LogSigner } from './log-keys.js';
import { sequenceAll } from './sequencer.js';
import { signTreeHead } from './tree-heads.js';
import { verifyLog, type VerifyReport } from './verify-log.js';
import type { StoredTreeHead } from './transparency.repository.js';
import { TransparencyRepository } from './transparency.repository.js';

/**
 * The transparency log of one process: its keys, the sequencer that appends what the source
 * tables queued, and the signing of tree heads, in the background at the configured intervals
 * (`start`) or on demand. Requests never wait on it: they only add queue rows in their own
 * transaction (docs/transparency-log.md, "What goes in").
 */
export class TransparencyLog {
  private readonly signersByName = new Map<string, LogSigner[]>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private running: Promise<unknown> = Promise.resolve();
  private isStopped = true;

  constructor(private readonly platform: Pick<Platform, 'config' | 'database' | 'clock'>) {}

  /** The hash this deployment asks for; a log keeps the one recorded with its first entry. */
  get configuredHash(): LogHashName {
    return this.platform.config.gmAlgorithms ? 'sm3' : 'sha256';
  }

  /** The signing keys for the log's origin, read (or created on first use) once. */
  signers(keyName?: string): LogSigner[] {
    const name = keyName ?? this.platform.config.logOrigin;
    let signers = this.signersByName.get(name);
    if (!signers) {
      signers = loadLogSigners(this.platform.config, name);
      this.signersByName.set(name, signers);
    }
    return signers;
  }

  /** Appends everything queued; resolves with how many entries were appended. */
  sequence(): Promise<number> {
    return sequenceAll(this.platform.database.db, {
      hashName: this.configuredHash,
      origin: this.platform.config.logOrigin,
    });
  }

  /** Appends what is queued, then signs a tree head (a new one even if the size has not changed when `force`). */
  async signNow(force = false): Promise<StoredTreeHead | undefined> {
    await this.sequence();
    const state = await new TransparencyRepository(this.platform.database.db).findState();
    if (!state) return undefined;
    return signTreeHead(this.platform.database.db, this.signers(state.origin), this.platform.clock.now(), force);
  }

  /** Recomputes the whole log and checks every tree head against this deployment's keys (`qingfeng verify`). */
  async verify(): Promise<VerifyReport> {
    const state = await new TransparencyRepository(this.platform.database.db).findState();
    return verifyLog(this.platform.database.db, this.signers(state?.origin));
  }

  /** Rows committed but not yet appended (the sequencer's backlog). */
  countQueued(): Promise<number> {
    return new TransparencyRepository(this.platform.database.db).countQueued();
  }

  /** Starts sequencing every QF_LOG_SEQUENCE_MS and signing every QF_LOG_TREE_HEAD_MINUTES. */
  start(): void {
    if (!this.isStopped) return;
    this.isStopped = false;
    this.signers(); // the key files exist from the first start, not the first tree head
    const { logSequenceMs, logTreeHeadMinutes } = this.platform.config;
    this.every(logSequenceMs, 'transparency log sequencer', () => this.sequence());
    this.every(logTreeHeadMinutes * 60_000, 'transparency log tree head', () => this.signNow());
    // A first tree head at once, so a witness finds one from the moment the server answers.
    this.running = this.running
      .then(() => this.signNow())
      .catch((error: unknown) => process.emitWarning(`transparency log tree head: ${String(error)}`));
  }

  /** Stops the timers and waits for a pass in progress. */
  async stop(): Promise<void> {
    this.isStopped = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.running;
  }

  // One pass at a time: the next waits for the last to finish (no overlap, no pile-up).
  private every(ms: number, label: string, work: () => Promise<unknown>): void {
    const tick = () => {
      if (this.isStopped) return;
      this.running = this.running
        .then(work)
        .catch((error: unknown) => process.emitWarning(`${label}: ${String(error)}`))
        .finally(() => {
          if (!this.isStopped) this.timers.set(label, setTimeout(tick, ms).unref());
        });
    };
    this.timers.set(label, setTimeout(tick, ms).unref());
  }
}

/** What the transparency module needs beside the platform. */
export interface TransparencyServices extends Platform {
  readonly transparency: TransparencyLog;
}
