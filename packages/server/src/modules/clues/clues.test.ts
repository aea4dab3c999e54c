import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../testing/auth-helpers.js';
import { buildConfirmedWarning } from '../../testing/clue-fixtures.js';
import { buildActor, buildJurisdictions, type TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { makeIdNumber, withBadCheckDigit } from '../../testing/test-data.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';

const ID_NUMBER = makeIdNumber('19400101', 1);

interface Detail {
  id: number;
  state: string;
  registrationNumber: string | null;
  warningIds: number[];
  subjects: { name: string; idNumber: string | null }[];
  timeline: { action: string; from: string; to: string; actorName: string; reason: string | null }[];
  allowedActions: { action: string }[];
  deadline: { step: string; dueOn: string } | null;
}

for (const engine of testEngines()) {
  describe(`clues (${engine})`, () => {
    let platform: TestPlatform;
    let registrar: TestActor;
    let handler: TestActor;
    let colleague: TestActor;
    let leader: TestActor;
    let registrarB: TestActor;
    let leaderB: TestActor;
    let divisionA: string;
    let divisionB: string;

    async function call<T>(who: TestActor, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200) {
      const response = await platform.app.inject({
        method,
        url,
        payload: payload as object,
        headers: who.session.headers,
      });
      expect(response.statusCode, response.body).toBe(status);
      return response.json<T>();
    }
    const step = (who: TestActor, id: number, body: unknown, status = 200) =>
      call<Detail & { code: string; reason: { zh: string; en: string } }>(
        who,
        'POST',
        `/api/v1/clues/${id}/steps`,
        body,
        status,
      );

    async function fromScratch(who = registrar, division = divisionA) {
      return call<Detail>(
        who,
        'POST',
        '/api/v1/clues',
        {
          source: 'letters_visits',
          problemType: 'livelihood_funds',
          title: '某村低保资金被冒领',
          summary: '群众来信反映村干部冒领低保金',
          divisionCode: division,
          subjects: [{ kind: 'official', name: '王某', position: '村委会主任', idNumber: ID_NUMBER }],
        },
        201,
      );
    }

    const clock = new ManualClock();

    beforeAll(async () => {
      platform = await createTestPlatform(engine, { clock });
      const world = await buildJurisdictions(platform.services);
      divisionA = world.countyA.division_code.replace(/000000$/, '001001');
      divisionB = world.countyB.division_code.replace(/000000$/, '001001');
      registrar = await buildActor(platform.services, 'case_management', world.countyA);
      handler = await buildActor(platform.services, 'supervision', world.countyA);
      colleague = await buildActor(platform.services, 'supervision', world.countyA);
      leader = await buildActor(platform.services, 'leader', world.countyA);
      registrarB = await buildActor(platform.services, 'case_management', world.countyB);
      leaderB = await buildActor(platform.services, 'leader', world.countyB);
    });
    afterAll(async () => platform?.close());

    it('walks confirmed warnings to a clue, registration, triage, approval and verification, with the whole timeline', async () => {
      const db = platform.services.database.db;
      const warnings = [
        await buildConfirmedWarning(platform, divisionA),
        await buildConfirmedWarning(platform, divisionA),
      ];
      const clue = await call<Detail>(
        handler,
        'POST',
        '/api/v1/clues',
        {
          source: 'model_warning',
          problemType: 'livelihood_funds',
          title: '死亡人员仍领低保',
          summary: '两条预警',
          warningIds: warnings,
        },
        201,
      );
      expect(clue).toMatchObject({ state: 'received', warningIds: warnings, registrationNumber: null });
      expect(await call(handler, 'GET', `/api/v1/clues/by-warning/${warnings[0]}`)).toEqual({ clueId: clue.id });
      // Registration is case management's: the handler is not offered it and is refused it.
      expect(clue.allowedActions.map((a) => a.action)).not.toContain('register');
      const refused = await step(handler, clue.id, { action: 'register', payload: {} }, 422);
      expect(refused).toMatchObject({ code: 'wrong_role', reason: { zh: '此操作须由指定岗位人员进行' } });

      const registered = await step(registrar, clue.id, { action: 'register', payload: {} });
      expect(registered.state).toBe('registered');
      expect(registered.registrationNumber).toMatch(/^测试县01纪线〔\d{4}〕0001$/);
      expect(registered.deadline?.step).toBe('clue_triage');

      const proposal = {
        action: 'propose_disposal',
        payload: {
          disposal: 'preliminary_verification',
          participantIds: [handler.user.id, colleague.user.id],
          reason: '反映具体，可查性强',
        },
      };
      const proposed = await step(handler, clue.id, proposal);
      expect(proposed.state).toBe('awaiting_disposal_approval');
      // Four eyes: the proposer is not offered the approval; a leader is.
      expect(proposed.allowedActions.map((a) => a.action)).not.toContain('approve_disposal');
      const forLeader = await call<Detail>(leader, 'GET', `/api/v1/clues/${clue.id}`);
      expect(forLeader.allowedActions.map((a) => a.action)).toEqual([
        'approve_disposal',
        'return_disposal',
        'reassign',
        'declare_conflict',
        'recuse_person',
      ]);
      // A step the state does not allow is a 409 with the core's reason.
      const early = await step(handler, clue.id, { action: 'submit_verification_plan', payload: {} }, 409);
      expect(early).toMatchObject({
        code: 'not_allowed_in_state',
        reason: { zh: '“处置意见待审批”状态下不能进行此操作' },
      });

      const approved = await step(leader, clue.id, { action: 'approve_disposal', payload: { reason: '同意初核' } });
      expect(approved.state).toBe('verification_planning');
      const hash = 'b'.repeat(64);
      await step(handler, clue.id, {
        action: 'submit_verification_plan',
        payload: { attachments: [{ name: '初核方案.pdf', hash }] },
      });
      const verifying = await step(leader, clue.id, { action: 'approve_verification_plan', payload: {} });
      expect(verifying.state).toBe('verifying');

      expect(verifying.timeline.map((e) => [e.action, e.from, e.to])).toEqual([
        ['receive', 'received', 'received'],
        ['register', 'received', 'registered'],
        ['propose_disposal', 'registered', 'awaiting_disposal_approval'],
        ['approve_disposal', 'awaiting_disposal_approval', 'verification_planning'],
        ['submit_verification_plan', 'verification_planning', 'awaiting_plan_approval'],
        ['approve_verification_plan', 'awaiting_plan_approval', 'verifying'],
      ]);
      expect(verifying.timeline[2]?.reason).toBe('反映具体，可查性强');
      const steps = await db
        .selectFrom('clue_steps')
        .selectAll()
        .where('clue_id', '=', clue.id)
        .orderBy('id')
        .execute();
      expect(steps[4]?.attachments).toEqual([{ name: '初核方案.pdf', hash }]);
      const audits = await db
        .selectFrom('audit_log')
        .select('action')
        .where('object_type', '=', 'clue')
        .where('object_id', '=', String(clue.id))
        .execute();
      expect(audits.map((a) => a.action).sort()).toEqual(
        ['clue.read', 'clue.register', ...Array(5).fill('clue.step')].sort(),
      );
      // A warning belongs to one clue only.
      const again = await call<{ code: string }>(
        handler,
        'POST',
        '/api/v1/clues',
        { source: 'model_warning', problemType: 'bribery', title: 't', summary: 's', warningIds: [warnings[0]] },
        409,
      );
      expect(again.code).toBe('conflict');
    });

    it("answers another county's clue exactly like an unknown one, for every read and write", async () => {
      const clue = await fromScratch();
      const unknown = await call<unknown>(registrarB, 'GET', '/api/v1/clues/2147483000', undefined, 404);
      const foreign = await call<unknown>(registrarB, 'GET', `/api/v1/clues/${clue.id}`, undefined, 404);
      expect(foreign).toEqual({ ...(unknown as object), message: `Clue ${clue.id} not found` });
      await step(registrarB, clue.id, { action: 'register', payload: {} }, 404);
      await step(leaderB, clue.id, { action: 'approve_disposal', payload: {} }, 404);
      const list = await call<{ items: { id: number }[] }>(registrarB, 'GET', '/api/v1/clues?limit=200');
      expect(list.items.map((c) => c.id)).not.toContain(clue.id);
      // Nor can B make a clue of A's warning, link to A's clue, or file one in A's division.
      const warning = await buildConfirmedWarning(platform, divisionA);
      await call(
        registrarB,
        'POST',
        '/api/v1/clues',
        { source: 'model_warning', problemType: 'other', title: 't', summary: 's', warningIds: [warning] },
        404,
      );
      const own = await fromScratch(registrarB, divisionB);
      await step(registrarB, own.id, { action: 'link_related', payload: { clueId: clue.id, reason: '同一对象' } }, 404);
      await call(
        registrarB,
        'POST',
        '/api/v1/clues',
        { source: 'audit', problemType: 'other', title: 't', summary: 's', divisionCode: divisionA },
        400,
      );
      expect(await call(registrarB, 'GET', `/api/v1/clues/by-warning/${warning}`)).toEqual({ clueId: null });
    });

    it('seals identity numbers, numbers registrations per commission and year, and refuses unconfirmed warnings', async () => {
      const db = platform.services.database.db;
      const clue = await fromScratch();
      expect(clue.subjects).toEqual([
        {
          kind: 'official',
          name: '王某',
          position: '村委会主任',
          idNumber: expect.not.stringContaining('19400101'),
          creditCode: null,
        },
      ]);
      const stored = await db
        .selectFrom('clue_subjects')
        .selectAll()
        .where('clue_id', '=', clue.id)
        .executeTakeFirstOrThrow();
      expect(stored.id_number_enc).not.toContain(ID_NUMBER);
      expect(stored.id_number_hash).toBe(platform.services.fieldCrypto.blindIndex(ID_NUMBER));
      const other = await fromScratch();
      const first = await step(registrar, clue.id, { action: 'register', payload: {} });
      const second = await step(registrar, other.id, { action: 'register', payload: {} });
      const seq = (n: string | null) => Number(n?.slice(-4));
      expect(seq(second.registrationNumber)).toBe(seq(first.registrationNumber) + 1);
      const inB = await fromScratch(registrarB, divisionB);
      const b = await step(registrarB, inB.id, { action: 'register', payload: {} });
      expect(b.registrationNumber).toMatch(/^测试县02纪线〔\d{4}〕0001$/);
      const unconfirmed = await buildConfirmedWarning(platform, divisionA, 'new');
      await call(
        registrar,
        'POST',
        '/api/v1/clues',
        { source: 'model_warning', problemType: 'other', title: 't', summary: 's', warningIds: [unconfirmed] },
        409,
      );
    });

    it('merges a clue into another with the link kept both ways, and the timeline only grows', async () => {
      const db = platform.services.database.db;
      const a = await fromScratch();
      const b = await fromScratch();
      await step(registrar, a.id, { action: 'merge_into', payload: { targetClueId: b.id } }, 422);
      const merged = await step(registrar, a.id, {
        action: 'merge_into',
        payload: { targetClueId: b.id, reason: '同一事项' },
      });
      expect(merged.state).toBe('merged');
      const target = await call<Detail & { links: unknown[] }>(registrar, 'GET', `/api/v1/clues/${b.id}`);
      expect(target.links).toEqual([{ clueId: a.id, kind: 'merged' }]);
      await expect(db.deleteFrom('clue_steps').where('clue_id', '=', a.id).execute()).rejects.toThrow(/append-only/);
      await expect(
        db.updateTable('clue_steps').set({ reason: 'x' }).where('clue_id', '=', a.id).execute(),
      ).rejects.toThrow(/append-only/);
    });

    it('validates hostile input and filters the registry by keyset', async () => {
      await call(
        registrar,
        'POST',
        '/api/v1/clues',
        { source: 'rumour', problemType: 'other', title: 't', summary: 's', divisionCode: divisionA },
        400,
      );
      await call(
        registrar,
        'POST',
        '/api/v1/clues',
        { source: 'audit', problemType: "x'; drop", title: 't', summary: 's', divisionCode: divisionA },
        400,
      );
      await call(
        registrar,
        'POST',
        '/api/v1/clues',
        { source: 'audit', problemType: 'unknown_type', title: 't', summary: 's', divisionCode: divisionA },
        400,
      );
      // An identity number of the right shape but a wrong GB 11643 check digit: refused, naming the field.
      const wrongDigit = await call<{ code: string; field: string; message: string }>(
        registrar,
        'POST',
        '/api/v1/clues',
        {
          source: 'audit',
          problemType: 'other',
          title: 't',
          summary: 's',
          divisionCode: divisionA,
          subjects: [{ kind: 'official', name: '王某', idNumber: withBadCheckDigit(ID_NUMBER) }],
        },
        400,
      );
      expect(wrongDigit).toMatchObject({ code: 'validation_failed', field: 'body.subjects.0.idNumber' });
      expect(wrongDigit.message).toContain(`check digit should be ${ID_NUMBER[17]}`);
      const clue = await fromScratch();
      await step(registrar, clue.id, { action: 'register', payload: { registrationNumber: 'mine' } }, 400);
      await step(registrar, clue.id, { action: 'fly', payload: {} }, 400);
      await step(
        registrar,
        clue.id,
        { action: 'register', payload: { attachments: [{ name: 'x', hash: 'zz' }] } },
        400,
      );
      // Participants must be people of the jurisdiction.
      await step(registrar, clue.id, { action: 'register', payload: {} });
      await step(
        handler,
        clue.id,
        {
          action: 'propose_disposal',
          payload: { disposal: 'hold', participantIds: [handler.user.id, registrarB.user.id], reason: 'r' },
        },
        400,
      );
      await step(
        handler,
        clue.id,
        { action: 'propose_disposal', payload: { disposal: 'hold', participantIds: [handler.user.id], reason: 'r' } },
        422,
      );
      const page1 = await call<{ items: { id: number }[]; nextBefore: number }>(
        registrar,
        'GET',
        '/api/v1/clues?limit=2',
      );
      expect(page1.items).toHaveLength(2);
      const page2 = await call<{ items: { id: number }[] }>(
        registrar,
        'GET',
        `/api/v1/clues?limit=2&before=${page1.nextBefore}`,
      );
      expect(Math.max(...page2.items.map((c) => c.id))).toBeLessThan(page1.nextBefore);
      const registered = await call<{ items: { state: string }[] }>(registrar, 'GET', '/api/v1/clues?state=registered');
      expect(registered.items.length).toBeGreaterThan(0);
      expect(registered.items.every((c) => c.state === 'registered')).toBe(true);
      await call(registrar, 'GET', '/api/v1/clues?state=nonsense', undefined, 400);
    });

    it('lists overdue clues once their running deadline has passed', async () => {
      const fresh = await fromScratch();
      // Received 60 days ago: its registration term has long run out.
      clock.advance({ days: -60 });
      const old = await fromScratch().finally(() => clock.advance({ days: 60 }));
      const overdue = await call<{ items: { id: number; deadline: { status: string } }[] }>(
        registrar,
        'GET',
        '/api/v1/clues/overdue',
      );
      expect(overdue.items.find((c) => c.id === old.id)?.deadline.status).toBe('overdue');
      expect(overdue.items.map((c) => c.id)).not.toContain(fresh.id);
      const filtered = await call<{ items: { id: number }[] }>(
        registrar,
        'GET',
        '/api/v1/clues?overdue=true&limit=200',
      );
      expect(filtered.items.map((c) => c.id)).toContain(old.id);
      expect(filtered.items.map((c) => c.id)).not.toContain(fresh.id);
      const none = await call<{ items: { id: number }[] }>(registrarB, 'GET', '/api/v1/clues/overdue');
      expect(none.items.map((c) => c.id)).not.toContain(old.id);
    });
  });
}
