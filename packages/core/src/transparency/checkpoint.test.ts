import { hexToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkpointSignedBytes,
  checkpointTime,
  formatCheckpoint,
  parseCheckpoint,
  timeExtension,
  type Checkpoint,
} from './checkpoint.js';
import { parseSignedNote } from './signed-note.js';

// The example of c2sp.org/tlog-checkpoint.
const C2SP_EXAMPLE =
  'example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n' +
  '\u2014 example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n';

describe('C2SP checkpoints', () => {
  it('read the spec’s example', () => {
    const note = parseSignedNote(C2SP_EXAMPLE);
    const checkpoint = parseCheckpoint(note!.text);
    expect(checkpoint).toMatchObject({ origin: 'example.com/behind-the-sofa', size: 20852163, extensions: [] });
    expect(formatCheckpoint(checkpoint!)).toBe(note!.text);
  });

  it('write the root as RFC 6962 implementations do (the 8-leaf root of transparency-dev/merkle)', () => {
    const checkpoint = {
      origin: 'qingfeng.example/log',
      size: 8,
      rootHash: hexToBytes('5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328'),
      extensions: [],
    };
    expect(formatCheckpoint(checkpoint)).toBe(
      'qingfeng.example/log\n8\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n',
    );
    expect(new TextDecoder().decode(checkpointSignedBytes(checkpoint))).toBe(formatCheckpoint(checkpoint));
  });

  it('round-trip any checkpoint, time line included', () => {
    const checkpointArb = fc.record({
      origin: fc.stringMatching(/^[a-z0-9.\-/]{1,40}$/),
      size: fc.maxSafeNat(),
      rootHash: fc.uint8Array({ minLength: 32, maxLength: 32 }),
      extensions: fc.constant([timeExtension(new Date('2026-12-04T18:00:00Z'))]),
    }) as fc.Arbitrary<Checkpoint>;
    fc.assert(
      fc.property(checkpointArb, (checkpoint) => {
        const parsed = parseCheckpoint(formatCheckpoint(checkpoint));
        expect(parsed).toEqual(checkpoint);
        expect(checkpointTime(parsed!)?.toISOString()).toBe('2026-12-04T18:00:00.000Z');
      }),
    );
  });

  const GOOD = 'log.example/a\n5\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n';
  it.each([
    ['only two lines', 'log.example/a\n5\n'],
    ['no final newline', GOOD.slice(0, -1)],
    ['an empty origin', GOOD.replace('log.example/a', '')],
    ['a leading zero in the size', GOOD.replace('\n5\n', '\n05\n')],
    ['a signed size', GOOD.replace('\n5\n', '\n+5\n')],
    ['a size past 2^53', GOOD.replace('\n5\n', '\n9007199254740993\n')],
    [
      'a root of 31 bytes',
      GOOD.replace('XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=', 'XcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQw=='),
    ],
    ['a root in URL-safe base64', GOOD.replace('+', '-').replace('/R', '_R')],
    ['a root without padding', GOOD.replace('Qyg=', 'Qyg')],
    ['an empty extension line', `${GOOD}\n`],
    ['a carriage return', GOOD.replace('\n5', '\r\n5')],
  ])('refuse a checkpoint with %s', (_, bad) => {
    expect(parseCheckpoint(bad)).toBeNull();
  });

  it('refuse to write an origin with a space, a negative size or an extension of two lines', () => {
    const checkpoint = { origin: 'a b', size: 1, rootHash: new Uint8Array(32), extensions: [] };
    expect(() => formatCheckpoint(checkpoint)).toThrow(/origin/);
    expect(() => formatCheckpoint({ ...checkpoint, origin: 'a', size: -1 })).toThrow(/size/);
    expect(() => formatCheckpoint({ ...checkpoint, origin: 'a', extensions: ['time 1\n0'] })).toThrow(/extension/);
  });
});
