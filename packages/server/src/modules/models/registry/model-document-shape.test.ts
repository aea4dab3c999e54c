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
    const body = response.json<{ code: string; field: string; message: string }>();
    expect(body).toMatchObject({ code: 'invalid_model', field: 'body.document' });
    expect(body.message).toContain('logic.where[0].op: unknown operator "like"');
  });
});
