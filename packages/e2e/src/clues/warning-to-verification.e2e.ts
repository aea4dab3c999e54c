import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotPath } from '../harness/browser.js';
import { signInAs, signOut } from '../harness/console-actions.js';
import { consoleTest } from '../harness/console-test.js';
import { validId } from '../harness/identity-numbers.js';
import {
  CLUE_STAFF,
  attach,
  choose,
  confirmIntoClue,
  importDeadStillPaid,
  inEnglishOnAPhone,
  openW01Warning,
  takeStep,
} from '../harness/procedure-steps.js';
import { seedStaff } from '../harness/seed-staff.js';

const DEAD = validId('19400101', '222');

const stateOf = async (page: Page) => (await page.getByTestId('clue-state').textContent()) ?? '';

consoleTest(
  '[CLUES]: a confirmed warning becomes a clue, is registered, triaged by one person, approved by a leader and verified, all on the timeline',
  async ({ page, server }) => {
    const { shuju, jiandu, anguan, lingdao } = await seedStaff(page, server, [...CLUE_STAFF]);
    await signInAs(page, shuju);
    await importDeadStillPaid(page, DEAD);
    await signOut(page);

    // The handler confirms the warning and makes it a clue.
    await signInAs(page, jiandu);
    const warningUrl = await openW01Warning(page);
    const clueUrl = await confirmIntoClue(page);
    expect(await stateOf(page)).toBe('待登记');
    // Registration belongs to case management: the handler is not offered it.
    expect(await page.getByTestId('step-register').count()).toBe(0);
    await page.goto(warningUrl);
    await page.getByTestId('warning-clue-link').waitFor();
    await signOut(page);

    await signInAs(page, anguan);
    await page.goto(clueUrl);
    await takeStep(page, 'register');
    expect(await page.getByTestId('clue-number').textContent()).toMatch(/线〔\d{4}〕0001$/);
    expect(await stateOf(page)).toBe('待集体排查');
    await signOut(page);

    // Collective triage: the handler proposes, with a colleague who sat on it.
    await signInAs(page, jiandu);
    await page.goto(clueUrl);
    await takeStep(page, 'propose_disposal', async () => {
      await choose(page, 'step-disposal', '初步核实');
      await choose(page, 'step-participants', '周监督');
      await page.keyboard.press('Escape');
      await page.getByTestId('step-reason').fill('反映具体，可查性强');
    });
    expect(await stateOf(page)).toBe('处置意见待审批');
    expect(await page.getByTestId('step-approve_disposal').count()).toBe(0);
    await signOut(page);

    await signInAs(page, lingdao);
    await page.goto(clueUrl);
    await takeStep(page, 'approve_disposal');
    expect(await stateOf(page)).toBe('拟订初核方案');
    await signOut(page);

    // A plan without its document is refused in the form; with it, it goes to the leader.
    await signInAs(page, jiandu);
    await page.goto(clueUrl);
    await takeStep(page, 'submit_verification_plan', () => attach(page, '初核方案.pdf'));
    expect(await stateOf(page)).toBe('初核方案待审批');
    await signOut(page);

    await signInAs(page, lingdao);
    await page.goto(clueUrl);
    await takeStep(page, 'approve_verification_plan');
    expect(await stateOf(page)).toBe('初步核实中');

    const entries = page.getByTestId('timeline-entry');
    expect(await entries.count()).toBe(6);
    const texts = await entries.allTextContents();
    expect(texts[0]).toContain('接收线索');
    expect(texts[0]).toContain('孙监督');
    expect(texts[1]).toContain('钱案管');
    expect(texts[2]).toMatch(/提出处置意见.*孙监督[\s\S]*初步核实[\s\S]*孙监督、周监督[\s\S]*反映具体，可查性强/);
    expect(texts[3]).toContain('李书记');
    expect(texts[4]).toContain('初核方案.pdf');
    expect(texts[5]).toContain('初核方案待审批 → 初步核实中');
    for (const text of texts) expect(text).not.toMatch(/propose_disposal|verifying|registered/);
    await page.screenshot({ path: screenshotPath('clue-timeline-zh'), fullPage: true });

    // In English, and on a phone, the page still reads in words and fits.
    await inEnglishOnAPhone(page, 'clue-timeline');
    expect(await stateOf(page)).toBe('Under preliminary verification');
    expect(await entries.nth(2).textContent()).toContain('Propose a disposal');
    await page.screenshot({ path: screenshotPath('clue-timeline-en-390'), fullPage: true });
  },
);
