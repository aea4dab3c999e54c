import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderProcedureTables } from './describe.js';

// The committed document at the repository root (four levels above this file).
const COMMITTED = new URL('../../../../docs/procedure.md', import.meta.url);
const BEGIN = '<!-- generated from packages/core/src/procedure: begin -->\n';
const END = '<!-- generated: end -->';

describe('docs/procedure.md', () => {
  it('carries the tables and diagrams the machines give (paste renderProcedureTables() between the markers after a change)', () => {
    const doc = readFileSync(COMMITTED, 'utf8');
    const generated = doc.slice(doc.indexOf(BEGIN) + BEGIN.length, doc.indexOf(END));
    expect(doc).toContain(BEGIN);
    expect(generated).toBe(renderProcedureTables());
  });
});
