import { BUILTIN_MODELS, compileModel } from '@qingfeng/core';
import { describe, expect, it } from 'vitest';
import { checkModelDocumentSql, checkModelSql } from './index.js';

describe('the parser check and the built-in models', () => {
  it.each(BUILTIN_MODELS.map((spec) => [spec.id, spec] as const))(
    'accepts %s in full on both engines',
    async (_, spec) => {
      expect(await checkModelDocumentSql(spec, {})).toBeUndefined();
    },
  );

  it.each(BUILTIN_MODELS.filter((spec) => spec.incremental !== false).map((spec) => [spec.id, spec] as const))(
    'accepts %s run incrementally on both engines',
    async (_, spec) => {
      const newBatches = Object.fromEntries(spec.inputs.map((input) => [input, [1, 2]]));
      for (const engine of ['duckdb', 'postgres'] as const) {
        const { sql } = compileModel(spec, { engine, newBatches });
        expect(await checkModelSql(sql, engine, spec.inputs)).toBeUndefined();
      }
    },
  );
});
