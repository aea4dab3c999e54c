import { expect } from 'vitest';
import { buildActor, buildJurisdictions, type TestActor } from './org-factories.js';
import type { TestPlatform } from './test-platform.js';

/** A county's staff for the whole procedure, and a leader and an investigator of the neighbouring county. */
export interface CaseWorld {
  divisionA: string;
  divisionB: string;
  registrar: TestActor;
  handler: TestActor;
  colleague: TestActor;
  leader: TestActor;
  investigators: [TestActor, TestActor];
  trial: [TestActor, TestActor];
  leaderB: TestActor;
  investigatorB: TestActor;
}

export async function buildCaseWorld(platform: TestPlatform): Promise<CaseWorld> {
  const world = await buildJurisdictions(platform.services);
  const make = (role: Parameters<typeof buildActor>[1], org = world.countyA) =>
    buildActor(platform.services, role, org);
  return {
    divisionA: world.countyA.division_code.replace(/000000$/, '001001'),
    divisionB: world.countyB.division_code.replace(/000000$/, '001001'),
    registrar: await make('case_management'),
    handler: await make('supervision'),
    colleague: await make('supervision'),
    leader: await make('leader'),
    investigators: [await make('investigation'), await make('investigation')],
    trial: [await make('trial'), await make('trial')],
    leaderB: await make('leader', world.countyB),
    investigatorB: await make('investigation', world.countyB),
  };
}

/** Calls the API as `who`, expecting `status`. */
export async function callApi<T>(
  platform: TestPlatform,
  who: TestActor,
  method: 'GET' | 'POST',
  url: string,
  payload?: unknown,
  status = 200,
): Promise<T> {
  const response = await platform.app.inject({ method, url, payload: payload as object, headers: who.session.headers });
  expect(response.statusCode, response.body).toBe(status);
  return (response.body === '' ? undefined : response.json()) as T;
}

export const FILE_HASH = 'b'.repeat(64);
const attachments = (name: string) => [{ name, hash: FILE_HASH }];

/**
 * A clue from a letter about one official, walked through registration, triage, preliminary
 * verification and its report to case filing, through the API as each role would: the
 * case it proposes is returned with the clue.
 */
export async function walkClueToCase(
  platform: TestPlatform,
  w: CaseWorld,
): Promise<{ clueId: number; caseId: number }> {
  const call = <T>(who: TestActor, method: 'GET' | 'POST', url: string, payload?: unknown, status = 200) =>
    callApi<T>(platform, who, method, url, payload, status);
  const clue = await call<{ id: number }>(
    w.registrar,
    'POST',
    '/api/v1/clues',
    {
      source: 'letters_visits',
      problemType: 'livelihood_funds',
      title: '某村低保资金被冒领',
      summary: '群众来信反映村干部冒领低保金',
      divisionCode: w.divisionA,
      subjects: [{ kind: 'official', name: '王某', position: '村委会主任', idNumber: '330106194001010015' }],
    },
    201,
  );
  const step = (who: TestActor, action: string, payload: object = {}) =>
    call(who, 'POST', `/api/v1/clues/${clue.id}/steps`, { action, payload });
  await step(w.registrar, 'register');
  await step(w.handler, 'propose_disposal', {
    disposal: 'preliminary_verification',
    participantIds: [w.handler.user.id, w.colleague.user.id],
    reason: '反映具体，可查性强',
  });
  await step(w.leader, 'approve_disposal');
  await step(w.handler, 'submit_verification_plan', { attachments: attachments('初核方案.pdf') });
  await step(w.leader, 'approve_verification_plan');
  await step(w.handler, 'record_verification_work', { summary: '调取低保发放名册，核对银行流水' });
  await step(w.handler, 'submit_verification_report', {
    recommendation: 'file_case',
    reason: '冒领事实基本清楚',
    attachments: attachments('初核报告.pdf'),
  });
  await step(w.leader, 'approve_verification_report');
  const { caseId } = await call<{ caseId: number | null }>(w.leader, 'GET', `/api/v1/cases/by-clue/${clue.id}`);
  expect(caseId).not.toBeNull();
  return { clueId: clue.id, caseId: caseId! };
}

/** Takes a proposed case through filing and its plan's approval: it is then under investigation. */
export async function walkCaseToInvestigation(platform: TestPlatform, w: CaseWorld, caseId: number): Promise<void> {
  const step = (who: TestActor, action: string, payload: object = {}) =>
    callApi(platform, who, 'POST', `/api/v1/cases/${caseId}/steps`, { action, payload });
  const [inv1, inv2] = w.investigators;
  await step(w.leader, 'approve_filing', { investigatorIds: [inv1.user.id, inv2.user.id] });
  await step(inv1, 'submit_investigation_plan', { attachments: attachments('审查调查方案.pdf') });
  await step(w.leader, 'approve_investigation_plan');
}
