import { readFileSync } from 'node:fs';
import {
  type Checkpoint,
  checkNoteSignatures,
  compareCheckpoints,
  encodeBase64,
  logHashByName,
  logKeyFingerprint,
  needsConsistencyProof,
  parseCheckpoint,
  parseSignedNote,
} from '@qingfeng/core';
import type { Command } from 'commander';
import { CliError } from '../cli-error.js';
import { type CommandOutput, processOutput } from './open-services.js';
import { LogClient } from './witness-client.js';
import { loadWitnessState, readPublishedKeys, saveWitnessState, type WitnessState } from './witness-state.js';

/** Exit code when the log itself misbehaved (bad signature, rollback, fork), beside 1 for "could not check". */
export const LOG_MISBEHAVED_EXIT_CODE = 2;

export interface WitnessOptions {
  log: string;
  state: string;
  keys?: string;
  trustPublishedKeys?: boolean;
}

const misbehaved = (message: string) => new CliError(message, LOG_MISBEHAVED_EXIT_CODE);

/** The keys a first run pins: from the operator's file, or (when told to) as the log publishes them now. */
async function firstState(client: LogClient, options: WitnessOptions, output: CommandOutput): Promise<WitnessState> {
  let published;
  if (options.keys) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(options.keys, 'utf8'));
    } catch (error) {
      throw new CliError(`could not read the keys file ${options.keys}: ${(error as Error).message}`);
    }
    published = readPublishedKeys(json, options.keys);
  } else if (options.trustPublishedKeys) {
    published = readPublishedKeys(await client.fetchKeys(), 'the log');
  } else {
    throw new CliError(
      `${options.state} does not exist: pin the log's keys on the first run with --keys <file> ` +
        '(the public keys API, saved after comparing fingerprints) or --trust-published-keys',
    );
  }
  for (const key of published.keys)
    output.out(`Pinned ${key.algorithm} key ${key.keyName}, fingerprint ${logKeyFingerprint(key)}\n`);
  return { ...published, checkpoint: null };
}

/** The log's latest checkpoint, with every pinned key's valid signature, or a misbehaviour. */
function readSignedCheckpoint(state: WitnessState, noteText: string): Checkpoint {
  const note = parseSignedNote(noteText);
  const checkpoint = note && parseCheckpoint(note.text, logHashByName(state.hash).size);
  if (!note || !checkpoint) throw misbehaved('the log published a checkpoint that is not a well-formed signed note');
  if (checkpoint.origin !== state.origin)
    throw misbehaved(`the checkpoint is of log ${checkpoint.origin}, not the pinned ${state.origin}`);
  const unsigned = checkNoteSignatures(note, state.keys).filter((check) => check.outcome !== 'valid');
  if (unsigned.length > 0) {
    const which = unsigned.map((c) => `${c.key.algorithm} (${c.outcome === 'missing' ? 'no signature' : 'invalid'})`);
    throw misbehaved(`the checkpoint is not signed by every pinned key: ${which.join(', ')}`);
  }
  return checkpoint;
}

/**
 * One witness run: fetch the log's checkpoint, check it against the pinned keys and against the
 * last checkpoint seen, and remember it only when all is well, so a misbehaving log can never
 * replace the evidence of what it published before.
 */
export async function runWitness(options: WitnessOptions, output: CommandOutput): Promise<void> {
  const client = new LogClient(options.log);
  const state = loadWitnessState(options.state) ?? (await firstState(client, options, output));
  const latestNote = await client.fetchCheckpointNote();
  const latest = readSignedCheckpoint(state, latestNote);
  const hash = logHashByName(state.hash);
  const describe = (c: Checkpoint) => `size ${c.size}, root ${encodeBase64(c.rootHash)}`;

  const previousNote = state.checkpoint && parseSignedNote(state.checkpoint);
  const previous = previousNote ? parseCheckpoint(previousNote.text, hash.size) : null;
  if (state.checkpoint && !previous) throw new CliError(`${options.state} holds a checkpoint that cannot be read`);
  if (previous) {
    const proof = needsConsistencyProof(previous, latest)
      ? await client.fetchConsistencyProof(previous.size, latest.size)
      : [];
    const relation = compareCheckpoints(hash, previous, latest, proof);
    if (relation !== 'consistent') {
      const what =
        relation === 'rollback'
          ? `ROLLBACK: the log now publishes ${describe(latest)}, smaller than the ${describe(previous)} it signed before`
          : `FORK: the log's ${describe(latest)} does not extend the ${describe(previous)} it signed before`;
      // Both signed notes are the evidence: each is signed by the log's own keys.
      throw misbehaved(
        `${what}.\nEarlier checkpoint:\n${state.checkpoint ?? ''}\nLatest checkpoint:\n${latestNote}` +
          `The state file ${options.state} is left as it was.`,
      );
    }
  }
  saveWitnessState(options.state, { ...state, checkpoint: latestNote });
  output.out(
    previous
      ? `Consistent: ${state.origin} grew from ${previous.size} to ${latest.size} entries (${describe(latest)}).\n`
      : `First checkpoint of ${state.origin} recorded: ${describe(latest)}.\n`,
  );
}

/**
 * `qingfeng witness`: an external witness of a transparency log. Run it on a schedule from
 * anywhere that can reach the log's public API; exit code 0 when the log is consistent, 2 when
 * it misbehaved (docs/transparency-log.md, "Witness").
 */
export function registerWitnessCommand(program: Command, output: CommandOutput = processOutput): void {
  program
    .command('witness')
    .description("Check a transparency log's latest signed checkpoint against pinned keys and the last one seen")
    .requiredOption('--log <url>', "the log's base URL, e.g. https://qingfeng.example.gov.cn")
    .requiredOption('--state <file>', 'where the witness keeps its pinned keys and the last checkpoint seen')
    .option('--keys <file>', "first run: pin the keys of this file (the public keys API's answer)")
    .option('--trust-published-keys', 'first run: pin the keys the log publishes now (trust on first use)')
    .action((options: WitnessOptions) => runWitness(options, output));
}
