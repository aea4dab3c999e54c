import { bytesToHex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase64 } from './bytes.js';
import { decodeEntry, encodeEntry, entryLeafHash, type LogEntry } from './entry.js';
import { canonicalJson } from './jcs.js';
import { hashLeaf, SHA256_LOG_HASH } from './log-hash.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('canonical entry bytes', () => {
  it('are the version, the kind and the canonical body, each length-prefixed', () => {
    const bytes = encodeEntry({ kind: 'audit', body: { b: 2, a: '审计' } });
    expect(bytesToHex(bytes.subarray(0, 7))).toBe('0105' + bytesToHex(new TextEncoder().encode('audit')));
    const body = '{"a":"审计","b":2}';
    const length = new TextEncoder().encode(body).length;
    expect(bytesToHex(bytes.subarray(7, 11))).toBe(length.toString(16).padStart(8, '0'));
    expect(text(bytes.subarray(11))).toBe(body);
  });

  it('do not change with key order or whitespace', () => {
    const a: LogEntry = {
      kind: 'evidence',
      body: JSON.parse('{"sha256":"ab","meta":{"name":"x.pdf","size":3}}') as LogEntry['body'],
    };
    const b: LogEntry = {
      kind: 'evidence',
      body: JSON.parse('{ "meta" : { "size" : 3, "name" : "x.pdf" }, "sha256" : "ab" }') as LogEntry['body'],
    };
    expect(encodeEntry(a)).toEqual(encodeEntry(b));
    expect(entryLeafHash(SHA256_LOG_HASH, a)).toEqual(hashLeaf(SHA256_LOG_HASH, encodeEntry(b)));
  });

  it('never collide: decoding gives every entry back, so two entries with one encoding are one entry', () => {
    const entryArb = fc.record({
      kind: fc.constantFrom('audit', 'evidence', 'publication', 'import-batch' as const),
      body: fc.dictionary(fc.string(), fc.jsonValue()),
    }) as fc.Arbitrary<LogEntry>;
    fc.assert(
      fc.property(entryArb, entryArb, (a, b) => {
        const [x, y] = [encodeEntry(a), encodeEntry(b)];
        expect(decodeEntry(x)).toEqual(JSON.parse(JSON.stringify(a)));
        const sameEntry = a.kind === b.kind && canonicalJson(a.body) === canonicalJson(b.body);
        expect(bytesToHex(x) === bytesToHex(y)).toBe(sameEntry);
      }),
    );
  });

  it('give the leaf hash the by-hand recipe of docs/transparency-log.md gives', () => {
    // Computed once with Python's hashlib and json (the doc's entry_bytes), not with this code.
    const entry: LogEntry = { kind: 'publication', body: { title: '公示\n一', n: 3, id: '2026-001' } };
    expect(encodeBase64(entryLeafHash(SHA256_LOG_HASH, entry))).toBe('+1tRWkyyyH3SI32eBZpdKW+57DSqvFcr+BGTbM4RANo=');
  });

  it('keep the kind and the body apart: moving text across the boundary changes the bytes', () => {
    // Without lengths, "publication" + "-withdrawal…" could read as one kind and another body.
    const a = encodeEntry({ kind: 'publication', body: { id: '1' } });
    const b = encodeEntry({ kind: 'publication-withdrawal', body: { id: '1' } });
    expect(bytesToHex(a)).not.toBe(bytesToHex(b));
    expect(decodeEntry(a)?.kind).toBe('publication');
    expect(decodeEntry(b)?.kind).toBe('publication-withdrawal');
  });

  it('refuse bytes that no entry encodes to', () => {
    const good = encodeEntry({ kind: 'audit', body: { a: 1 } });
    const withSpace = new TextEncoder().encode('{ "a":1}');
    const spaced = Uint8Array.from([...good.subarray(0, 7), 0, 0, 0, withSpace.length, ...withSpace]);
    expect(decodeEntry(spaced)).toBeNull();
    expect(decodeEntry(Uint8Array.from([2, ...good.subarray(1)]))).toBeNull();
    expect(decodeEntry(good.subarray(0, good.length - 1))).toBeNull();
    expect(decodeEntry(Uint8Array.from([...good, 0x20]))).toBeNull();
    expect(() => encodeEntry({ kind: 'nonsense' as LogEntry['kind'], body: {} })).toThrow(/kind/);
    expect(() => encodeEntry({ kind: 'audit', body: [] as unknown as LogEntry['body'] })).toThrow(/object/);
  });
});
