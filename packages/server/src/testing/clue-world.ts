import type { ManualClock } from './auth-helpers.js';
import { buildActor, buildJurisdictions, type TestActor } from './org-factories.js';
import type { TestPlatform } from './test-platform.js';

/**
 * Two sibling counties with the people of the clue procedure in each (a registrar of case
 * management, two handlers, two leaders in county A; a registrar and a leader in B), and
 * helpers that take clues through their first steps over HTTP.
 */
export async function buildClueWorld(platform: TestPlatform) {
  const world = await buildJurisdictions(platform.services);
  const divisionA = world.countyA.division_code.replace(/000000$/, '001001');
  const divisionB = world.countyB.division_code.replace(/000000$/, '001001');
  const people = {
    registrar: await buildActor(platform.services, 'case_management', world.countyA),
    handler: await buildActor(platform.services, 'supervision', world.countyA),
    colleague: await buildActor(platform.services, 'supervision', world.countyA),
    leader: await buildActor(platform.services, 'leader', world.countyA),
    deputy: await buildActor(platform.services, 'leader', world.countyA),
    registrarB: await buildActor(platform.services, 'case_management', world.countyB),
    leaderB: await buildActor(platform.services, 'leader', world.countyB),
  };

  async function call<T>(who: TestActor, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200) {
    const response = await platform.app.inject({
      method,
      url,
      payload: payload as object,
      headers: who.session.headers,
    });
    if (response.statusCode !== status) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json<T>();
  }

  /** A clue received by `who` in `division`, its notifications sent. */
  async function receive(who: TestActor, division = divisionA, title = '某村低保资金被冒领'): Promise<number> {
    const body = {
      source: 'letters_visits',
      problemType: 'livelihood_funds',
      title,
      summary: '群众来信反映村干部冒领低保金',
      divisionCode: division,
    };
    const { id } = await call<{ id: number }>(who, 'POST', '/api/v1/clues', body, 201);
    await platform.services.background.idle();
    return id;
  }

  /** Takes a step and waits for its notifications. */
  async function step(who: TestActor, id: number, action: string, payload: object = {}) {
    const detail = await call<{ state: string }>(who, 'POST', `/api/v1/clues/${id}/steps`, { action, payload });
    await platform.services.background.idle();
    return detail;
  }

  /** Registered by the registrar and proposed for preliminary verification by `handler`: awaiting a leader. */
  async function proposed(registrar: TestActor, handler: TestActor, colleague: TestActor, division = divisionA) {
    const id = await receive(handler, division);
    await step(registrar, id, 'register');
    await step(handler, id, 'propose_disposal', {
      disposal: 'preliminary_verification',
      participantIds: [handler.user.id, colleague.user.id],
      reason: '反映具体，可查性强',
    });
    return id;
  }

  return { ...world, divisionA, divisionB, people, call, receive, step, proposed };
}

/** 09:00 in the commission's offset on `date` (YYYY-MM-DD). */
export function commissionMorning(clock: ManualClock, date: string): void {
  clock.set(new Date(`${date}T01:00:00Z`));
}
