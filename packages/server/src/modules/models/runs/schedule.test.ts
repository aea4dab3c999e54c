import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSession, buildUser } from '../../../testing/factories.js';
import { ManualClock } from '../../../testing/auth-helpers.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';
import { buildCounties } from '../../../testing/warnings-fixture.js';
import { runDueSchedules } from './model-scheduler.js';
import { nextOccurrence, parseSchedule } from './schedule.js';

const at = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi);

describe('schedules', () => {
  it('finds the next occurrence of macros and cron fields', () => {
    expect(nextOccurrence(parseSchedule('@daily'), at(2026, 3, 5, 10, 30))).toEqual(at(2026, 3, 6));
    expect(nextOccurrence(parseSchedule('@monthly'), at(2026, 12, 15))).toEqual(at(2027, 1, 1));
    expect(nextOccurrence(parseSchedule('30 2 * * 1-5'), at(2026, 3, 6, 3))).toEqual(at(2026, 3, 9, 2, 30)); // Friday → Monday
    expect(nextOccurrence(parseSchedule('*/15 * * * *'), at(2026, 1, 1, 0, 14))).toEqual(at(2026, 1, 1, 0, 15));
    expect(nextOccurrence(parseSchedule('0 0 31 2 *'), at(2026, 1, 1))).toBeNull();
  });

  it('refuses malformed schedules naming the field', () => {
    expect(() => parseSchedule('* * *')).toThrow(/schedule/);
    expect(() => parseSchedule('0 25 * * *')).toThrow(/hour/);
  });
});

for (const engine of testEngines()) {
  describe(`scheduled runs (${engine})`, () => {
    let platform: TestPlatform;
    const clock = new ManualClock(at(2026, 5, 10, 12));

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { clock });
    });
    afterAll(async () => platform?.close());

    it('starts a scheduled run when the schedule has fired since it was set, once', async () => {
      const { countyA } = await buildCounties(platform);
      const analyst = await buildUser(platform.services.database.db, { role: 'model_analyst', orgId: countyA.id });
      const session = await buildSession(platform.services, analyst);
      const set = await platform.app.inject({
        method: 'PUT',
        url: '/api/v1/models/M05/schedule',
        headers: session.headers,
        payload: { schedule: '@daily' },
      });
      expect(set.statusCode, set.body).toBe(200);
      expect(await runDueSchedules(platform.services)).toBeNull();
      clock.advance({ hours: 13 });
      const run = await runDueSchedules(platform.services);
      expect(run).toMatchObject({ kind: 'scheduled', models_total: 1 });
      expect((run?.models as { modelId: string }[]).map((m) => m.modelId)).toEqual(['M05']);
      await platform.services.modelRuns.whenFinished(run?.id as number);
      expect(await runDueSchedules(platform.services)).toBeNull();
    });
  });
}
