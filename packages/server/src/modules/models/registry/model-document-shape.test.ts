import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOrganisation, buildSession, buildUser, type TestSession } from '../../../testing/factories.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';

/** A builder document whose one condition uses an operator the compiler does not know. */
function documentWithOperator(op: string) {
  return {
    id: 'U_SHAPE',
    version: 1,
    name: { zh: '形状', en: 'Shape' },
    category: 'W',
    inputs: ['benefit_payment'],
    parameters: [],
    severity: 'orange',
    basis: { zh: '测试', en: 'test' },
    explanation: { zh: '{name}', en: '{name}' },
    handling: { zh: '核查', en: 'check' },
    incremental: false,
    logic: {
      kind: 'rule',
      sources: [{ alias: 'p', dataset: 'benefit_payment', role: 'payment' }],
      where: [{ op, left: 'p.amount', right: { value: 1 } }],
      subject: 'p.id',
      facts: { name: 'p.name' },
    },
  };
}

describe.each(testEngines())('a builder document of unknown shape on %s', (engine) => {
  let platform: TestPlatform;
  let analyst: TestSession;
  beforeAll(async () => {
    platform = await createTestPlatform(engine);
    const db = platform.services.database.db;
    const org = await buildOrganisation(db);
    analyst = await buildSession(platform.services, await buildUser(db, { role: 'model_analyst', orgId: org.id }));
  });
  afterAll(async () => platform?.close());

  // It used to compile to `WHERE undefined` and fail in the engine: a 500.
  it.each([
    ['/api/v1/models/preview', { document: documentWithOperator('like'), limit: 5 }],
    ['/api/v1/models', { document: documentWithOperator('like'), reason: '测试' }],
  ])('POST %s answers 400 naming the operator and its place', async (url, payload) => {
    const response = await platform.app.inject({ method: 'POST', url, headers: analyst.headers, payload });
    expect(response.statusCode, response.body).toBe(400);
    const body = response.json<{ code: string; field: string; message: string; issues: unknown[] }>();
    expect(body).toMatchObject({ code: 'invalid_model', field: 'body.document' });
    // The place as the builder names it and the problem in both languages; the path stays for tools.
    expect(body.issues).toEqual([
      {
        path: 'logic.where[0].op',
        message: { zh: '比对条件：未知的运算符 "like"', en: 'Conditions: unknown operator "like"' },
      },
    ]);
  });

  // It used to read `id: duckdb: id: bad model id ""`, whatever the reader's language.
  it('names an empty model ID as the builder’s field, in words, without the engine', async () => {
    const payload = { document: { ...documentWithOperator('='), id: '' }, reason: '测试' };
    const response = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/models',
      headers: analyst.headers,
      payload,
    });
    expect(response.statusCode, response.body).toBe(400);
    const body = response.json<{ message: string; issues: { path: string; message: { zh: string; en: string } }[] }>();
    expect(body.issues).toEqual([
      {
        path: 'id',
        message: {
          zh: '模型编号：须以字母开头，只含字母、数字、_ 或 -，最多 41 个字符',
          en: 'Model ID: must start with a letter and hold only letters, digits, _ or - (at most 41)',
        },
      },
    ]);
    expect(body.message).not.toMatch(/duckdb|postgres/i);
  });
});
