import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildClueWorld } from '../../../testing/clue-world.js';
import { buildActor, type TestActor } from '../../../testing/org-factories.js';
import { testEngines } from '../../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../../testing/test-platform.js';

interface Inbox {
  items: {
    clue: { id: number; deadline: { dueOn: string } | null };
    actions: { action: string }[];
    awaitingApproval: boolean;
  }[];
  truncated: boolean;
}

for (const engine of testEngines()) {
  describe(`inbox of tasks (${engine})`, () => {
    let platform: TestPlatform;
    let world: Awaited<ReturnType<typeof buildClueWorld>>;
    const inbox = async (who: TestActor) => world.call<Inbox>(who, 'GET', '/api/v1/inbox');
    const tasks = async (who: TestActor) =>
      Object.fromEntries((await inbox(who)).items.map((i) => [i.clue.id, i.actions.map((a) => a.action)]));

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      world = await buildClueWorld(platform);
    });
    afterAll(async () => platform?.close());

    it('shows each person exactly the clues on which a step of theirs is due, soonest due first', async () => {
      const { registrar, handler, colleague, leader, deputy, registrarB, leaderB } = world.people;
      const received = await world.receive(handler);
      const registered = await world.receive(handler);
      await world.step(registrar, registered, 'register');
      const awaiting = await world.proposed(registrar, handler, colleague);
      const othersHeld = await world.receive(colleague);
      await world.step(registrar, othersHeld, 'register');
      const inB = await world.receive(registrarB, world.divisionB);

      // Case management registers what was received; merging is a choice, never a task.
      expect(await tasks(registrar)).toEqual({ [received]: ['register'] });
      // The handler triages what they hold and is registered; the proposal waits on others.
      expect(await tasks(handler)).toEqual({ [registered]: ['propose_disposal'] });
      expect(await tasks(colleague)).toEqual({ [othersHeld]: ['propose_disposal'] });
      // Every leader of the county may approve; none of another county.
      for (const who of [leader, deputy]) {
        expect(await tasks(who)).toEqual({ [awaiting]: ['approve_disposal', 'return_disposal'] });
        expect((await inbox(who)).items[0]!.awaitingApproval).toBe(true);
      }
      expect(await tasks(leaderB)).toEqual({});
      expect(await tasks(registrarB)).toEqual({ [inB]: ['register'] });

      // Approved, it leaves the leaders' inboxes and returns to its holder's.
      await world.step(leader, awaiting, 'approve_disposal', { reason: '同意初核' });
      expect(await tasks(deputy)).toEqual({});
      expect(await tasks(handler)).toEqual({
        [registered]: ['propose_disposal'],
        [awaiting]: ['submit_verification_plan'],
      });
      // Soonest due first: the plan's 10 working days fall before the triage's 30 days.
      const order = (await inbox(handler)).items.map((i) => i.clue.id);
      expect(order).toEqual([awaiting, registered]);
    });

    it('is empty for a role that reads no clues, whatever it holds', async () => {
      const analyst = await buildActor(platform.services, 'model_analyst', world.countyA);
      await platform.services.database.db
        .updateTable('clues')
        .set({ responsible_user_id: analyst.user.id })
        .where('id', '=', await world.receive(world.people.handler))
        .execute();
      expect(await inbox(analyst)).toEqual({ items: [], truncated: false });
    });
  });
}
