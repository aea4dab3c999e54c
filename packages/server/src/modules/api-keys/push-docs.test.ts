import { listDatasets } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';

type Operation = {
  description?: string;
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
};

/*
 * Finding 7 of issue 15: the push route's OpenAPI entry gave neither the row fields nor
 * its refusals, and a department holding only a key cannot read the catalogue.
 */
describe('the push route in the OpenAPI document', () => {
  let platform: TestPlatform;
  let push: Operation;

  beforeAll(async () => {
    platform = await createTestPlatform('pglite');
    const response = await platform.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ paths: Record<string, { post?: Operation }> }>();
    push = document.paths['/api/v1/push/{type}']?.post as Operation;
  });
  afterAll(async () => platform?.close());

  it('documents both body formats, with the JSON Lines content types', () => {
    expect(Object.keys(push.requestBody?.content ?? {})).toEqual(
      expect.arrayContaining(['application/json', 'application/x-ndjson', 'application/jsonl']),
    );
    const schema = JSON.stringify(push.requestBody?.content['application/x-ndjson']?.schema);
    expect(schema).toContain('JSON Lines: one row object per line');
    expect(schema).toContain('"rows"');
    expect(push.description).toContain('`{"rows": [{...}, ...]}`');
  });

  it('lists the row fields of every standard dataset type', () => {
    for (const dataset of listDatasets()) {
      expect(push.description).toContain(`#### \`${dataset.key}\``);
      for (const field of dataset.fields) expect(push.description).toContain(`| \`${field.key}\` |`);
    }
  });

  it('gives every answer a department can get, each with the error shape and its codes', () => {
    expect(Object.keys(push.responses).sort()).toEqual(['201', '400', '401', '403', '404', '409', '413', '429']);
    expect(push.responses['401']?.description).toContain('api_key_invalid');
    expect(push.responses['403']?.description).toContain('dataset_type_not_granted');
    expect(push.responses['409']?.description).toContain('duplicate_file');
    expect(push.responses['429']?.description).toContain('Retry-After');
    expect(JSON.stringify(push.responses['429']?.content)).toContain('"code"');
  });
});
