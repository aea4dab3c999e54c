import { expect } from 'vitest';
import type { TestActor } from './org-factories.js';
import type { TestPlatform } from './test-platform.js';

/**
 * Registers a builder model as `author` and has `reviewer` (holding model.approve) approve
 * it, as a commission would before any run may execute it; fails the test on any refusal.
 */
export async function createApprovedModel(
  platform: TestPlatform,
  author: TestActor,
  reviewer: TestActor,
  document: object,
): Promise<void> {
  const created = await platform.app.inject({
    method: 'POST',
    url: '/api/v1/models',
    headers: author.session.headers,
    payload: { document },
  });
  expect(created.statusCode, created.body).toBe(201);
  const { id } = created.json<{ id: string }>();
  const approved = await platform.app.inject({
    method: 'POST',
    url: `/api/v1/models/${id}/approve`,
    headers: reviewer.session.headers,
  });
  expect(approved.statusCode, approved.body).toBe(200);
}
