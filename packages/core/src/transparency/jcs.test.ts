import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './jcs.js';

interface JcsVectors {
  source: string;
  cases: { name: string; input: string; output: string }[];
}

// Input and expected output files of cyberphone/json-canonicalization, the RFC 8785
// author's reference (its `source` names the commit).
const vectors = JSON.parse(readFileSync(new URL('./testing/jcs-vectors.json', import.meta.url), 'utf8')) as JcsVectors;

describe('RFC 8785 canonical JSON', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('gives the reference output for %s', (_, c) => {
    expect(canonicalJson(JSON.parse(c.input))).toBe(c.output);
  });

  it('ignores key order and whitespace', () => {
    const a = JSON.parse('{ "b": [1, {"y": 2, "x": 1}], "a": "文" }') as unknown;
    const b = JSON.parse('{"a":"文","b":[1,{"x":1,"y":2}]}') as unknown;
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson(a)).toBe('{"a":"文","b":[1,{"x":1,"y":2}]}');
  });

  it('is a fixed point: the canonical text of parsed canonical text is itself', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('refuses what JSON cannot say exactly', () => {
    expect(() => canonicalJson({ a: undefined })).toThrow(/undefined/);
    expect(() => canonicalJson(Number.NaN)).toThrow();
    expect(() => canonicalJson(Infinity)).toThrow();
    expect(() => canonicalJson(new Date(0))).toThrow(/Date/);
    expect(() => canonicalJson(1n)).toThrow();
    expect(() => canonicalJson('\ud800')).toThrow(/surrogate/);
    expect(canonicalJson('\ud83d\ude02')).toBe('"😂"');
  });
});
