import { decodeBase64 } from '@qingfeng/core';
import { CliError } from '../cli-error.js';

/** How long one request to the log may take before the witness gives up on this run. */
const REQUEST_TIMEOUT_MS = 15_000;

/** The public API of one log, as a witness reads it: no session, only public routes. */
export class LogClient {
  constructor(private readonly baseUrl: string) {}

  private async getJson(pathAndQuery: string): Promise<unknown> {
    const url = new URL(pathAndQuery, this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS), redirect: 'error' });
    } catch (error) {
      throw new CliError(`could not reach the log at ${url.href}: ${(error as Error).message}`);
    }
    if (!response.ok) throw new CliError(`the log answered ${response.status} for ${url.pathname}`);
    try {
      return await response.json();
    } catch {
      throw new CliError(`the log's answer for ${url.pathname} is not JSON`);
    }
  }

  /** The latest signed note the log publishes. */
  async fetchCheckpointNote(): Promise<string> {
    const body = (await this.getJson('api/v1/transparency/checkpoint')) as { note?: unknown };
    if (typeof body?.note !== 'string') throw new CliError('the log published a checkpoint without its note');
    return body.note;
  }

  /** The keys the log publishes (for a first run that trusts them). */
  fetchKeys(): Promise<unknown> {
    return this.getJson('api/v1/transparency/keys');
  }

  /** The consistency proof from the tree of `first` entries to that of `second`. */
  async fetchConsistencyProof(first: number, second: number): Promise<Uint8Array[]> {
    const body = (await this.getJson(`api/v1/transparency/consistency?first=${first}&second=${second}`)) as {
      proof?: unknown;
    };
    const proof = Array.isArray(body?.proof)
      ? body.proof.map((p) => (typeof p === 'string' ? decodeBase64(p) : null))
      : [];
    if (!Array.isArray(body?.proof) || proof.some((p) => p === null))
      throw new CliError('the log published a consistency proof that is not a list of base64 hashes');
    return proof as Uint8Array[];
  }
}
