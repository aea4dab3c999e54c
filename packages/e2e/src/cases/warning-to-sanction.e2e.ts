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
  chooseMany,
  confirmIntoClue,
  importDeadStillPaid,
  inEnglishOnAPhone,
  openW01Warning,
  takeStep,
} from '../harness/procedure-steps.js';
import { type SeededUser, seedStaff } from '../harness/seed-staff.js';

const DEAD = validId('19400101', '333');

const stateOf = async (page: Page, what: 'clue' | 'case') =>
  (await page.getByTestId(`${what}-state`).textContent()) ?? '';

/** Signs in as `who`, opens `url`, and leaves the session for the next person when `work` is done. */
async function as(page: Page, who: SeededUser, url: string, work: () => Promise<void>): Promise<void> {
  await signInAs(page, who);
  await page.goto(url);
  await work();
  await signOut(page);
}

consoleTest(
  '[CASES]: one model warning walks from confirmation through the clue, the case, the trial and the decision to a recorded party sanction',
  async ({ page, server }) => {
    const staff = await seedStaff(page, server, [
      ...CLUE_STAFF,
      { username: 'diaocha', displayName: '吴调查', role: 'investigation' },
      { username: 'diaocha2', displayName: '郑调查', role: 'investigation' },
      { username: 'shenli', displayName: '王审理', role: 'trial' },
      { username: 'shenli2', displayName: '冯审理', role: 'trial' },
    ]);
    const { shuju, jiandu, anguan, lingdao, diaocha, shenli } = staff;
    await signInAs(page, shuju);
    await importDeadStillPaid(page, DEAD);
    await signOut(page);

    // The handler confirms the warning and makes it a clue.
    let clueUrl = '';
    await as(page, jiandu, '/', async () => {
      await openW01Warning(page);
      clueUrl = await confirmIntoClue(page, ['李某', '村委会主任']);
    });
    await as(page, anguan, clueUrl, () => takeStep(page, 'register'));
    await as(page, jiandu, clueUrl, () =>
      takeStep(page, 'propose_disposal', async () => {
        await choose(page, 'step-disposal', '初步核实');
        await choose(page, 'step-participants', '周监督');
        await page.keyboard.press('Escape');
        await page.getByTestId('step-reason').fill('反映具体，可查性强');
      }),
    );
    await as(page, lingdao, clueUrl, () => takeStep(page, 'approve_disposal'));
    await as(page, jiandu, clueUrl, () =>
      takeStep(page, 'submit_verification_plan', () => attach(page, '初核方案.pdf')),
    );
    await as(page, lingdao, clueUrl, () => takeStep(page, 'approve_verification_plan'));
    await as(page, jiandu, clueUrl, async () => {
      await takeStep(page, 'record_verification_work', () =>
        page.locator('#summary').fill('调取低保发放名册，核对银行流水'),
      );
      await takeStep(page, 'submit_verification_report', async () => {
        await choose(page, page.locator('#recommendation'), '立案审查调查');
        await page.getByTestId('step-reason').fill('冒领事实基本清楚');
        await attach(page, '初核报告.pdf');
      });
    });

    // The leader approves the report: the clue is proposed for filing, and its case is there.
    let caseUrl = '';
    await as(page, lingdao, clueUrl, async () => {
      await takeStep(page, 'approve_verification_report');
      expect(await stateOf(page, 'clue')).toBe('转立案');
      await page.getByTestId('clue-case-link').click();
      await page.waitForURL('**/cases/*');
      caseUrl = page.url();
      expect(await stateOf(page, 'case')).toBe('立案待审批');
      await takeStep(page, 'approve_filing', async () => {
        await chooseMany(page, 'step-investigatorIds', ['吴调查', '郑调查']);
      });
      expect(await page.getByTestId('case-number').textContent()).toMatch(/案〔\d{4}〕001$/);
    });
    await as(page, diaocha, caseUrl, () =>
      takeStep(page, 'submit_investigation_plan', () => attach(page, '审查调查方案.pdf')),
    );
    await as(page, lingdao, caseUrl, () => takeStep(page, 'approve_investigation_plan'));

    // The investigator talks to the official, files the bank statement as evidence, and reports.
    await as(page, diaocha, caseUrl, async () => {
      await takeStep(page, 'propose_measure', async () => {
        await choose(page, 'step-measure-kind', '谈话');
        await page.getByTestId('step-reason').fill('与村委会主任谈话');
      });
      expect(await page.getByTestId('case-measures').textContent()).toContain('谈话');
      await page.getByRole('tab', { name: '证据材料' }).click();
      await page.getByTestId('evidence-title').fill('低保金银行流水');
      await page.locator('[data-testid="evidence-form"] input[type=file]').setInputFiles({
        name: '流水.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('日期,金额\n2024-04-05,800\n'),
      });
      await page.getByTestId('evidence-submit').click();
      await page.getByTestId('evidence-hash').first().waitFor();
      expect(await page.getByTestId('evidence-hash').first().textContent()).toMatch(/SHA-256 [0-9a-f]{64}/);
      await takeStep(page, 'submit_investigation_report', async () => {
        await page.getByTestId('step-reason').fill('冒领低保金事实清楚');
        await attach(page, '审查调查报告.pdf');
      });
      expect(await stateOf(page, 'case')).toBe('移送审理待受理');
    });

    // The trial office, independent of the investigators, accepts, reviews and proposes a party warning.
    await as(page, shenli, caseUrl, async () => {
      await takeStep(page, 'accept_for_trial', async () => {
        await chooseMany(page, 'step-reviewerIds', ['王审理', '冯审理']);
      });
      await takeStep(page, 'conclude_trial', async () => {
        await choose(page, 'step-party', '警告');
        await page.getByTestId('step-reason').fill('违反群众纪律');
        await attach(page, '审理报告.pdf');
      });
    });
    await signInAs(page, lingdao);
    await page.goto(caseUrl);
    await takeStep(page, 'decide');
    expect(await stateOf(page, 'case')).toBe('已作出处理决定');
    expect(await page.getByTestId('case-dispositions').textContent()).toMatch(
      /李某[\s\S]*党纪处分：警告[\s\S]*第二种形态/,
    );

    await page.getByRole('tab', { name: '办理过程' }).click();
    const texts = await page.getByTestId('case-timeline').getByTestId('timeline-entry').allTextContents();
    expect(texts.map((t) => t.split(' · ')[0])).toEqual([
      '提请立案',
      '批准立案',
      '报送审查调查方案',
      '批准审查调查方案',
      '采取或报批措施',
      '证据入卷',
      '报送审查调查报告并移送审理',
      '受理审理',
      '提出审理意见',
      '作出处理决定',
    ]);
    expect(texts[1]).toContain('吴调查、郑调查');
    expect(texts[7]).toContain('王审理');
    for (const text of texts) expect(text).not.toMatch(/approve_filing|in_trial|investigating/);
    await page.screenshot({ path: screenshotPath('case-timeline-zh'), fullPage: true });
    const caseNumber = (await page.getByTestId('case-number').textContent()) ?? '';

    // The leader's overview counts the decided case and its sanction, and the figure opens the registry behind it.
    await page.goto('/');
    const decided = page
      .getByTestId('cases-state-figures')
      .getByTestId('case-figure-link')
      .filter({ hasText: '已作出处理决定' });
    expect(await decided.getAttribute('data-count')).toBe('1');
    expect(await page.getByTestId('cases-outcomes').textContent()).toMatch(/党纪处分 · 警告\s*1/);
    await decided.click();
    await page.waitForURL(/\/cases\?state=/);
    await page.getByTestId('case-table').getByText(caseNumber).waitFor();
    await page.goto(caseUrl);

    // In English, and on a phone, the case still reads in words and fits.
    await inEnglishOnAPhone(page, 'case-state');
    expect(await stateOf(page, 'case')).toBe('Decided');
    await page.screenshot({ path: screenshotPath('case-detail-en-390'), fullPage: true });
  },
  // Nine people take some thirty steps in turn: longer than one screen's test.
  600_000,
);
