import { expect } from 'vitest';
import { screenshotPath } from '../harness/browser.js';
import { signInAs, signInFirstTime, signOut } from '../harness/console-actions.js';
import { importCsvThroughApi } from '../harness/console-api.js';
import { consoleTest } from '../harness/console-test.js';
import { seedStaff } from '../harness/seed-staff.js';
import { validId } from '../harness/identity-numbers.js';

const PERSON = validId('19520808', '808');
const MASKED = `${PERSON.slice(0, 3)}***********${PERSON.slice(-4)}`;

consoleTest(
  '[APPROVALS]: with the policy on, a person search is asked for, approved by a second person, then run once',
  async ({ page, server }) => {
    const { shuju, anguan, lingdao } = await seedStaff(page, server, [
      { username: 'shuju', displayName: '赵数据', role: 'data_admin' },
      { username: 'anguan', displayName: '孙案管', role: 'case_management' },
      { username: 'lingdao', displayName: '钱领导', role: 'leader' },
    ]);
    await signInAs(page, shuju);
    const header = 'payment_id,program,id,name,division,amount,paid_on,period';
    expect(
      await importCsvThroughApi(page, 'benefit_payment', [
        header,
        `A1,dibao,${PERSON},李审批,110101,800,2024-03-05,2024-03`,
      ]),
    ).toBe(1);
    await signOut(page);

    // The security administrator turns the policy on.
    await signInFirstTime(page, 'secadmin', server.passwords.secadmin);
    await page.goto('/security-policies');
    const toggle = page.getByTestId('sensitive-approval-switch');
    await toggle.waitFor();
    await toggle.click();
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('已保存').waitFor();
    await signOut(page);

    // The search is refused until approved; the handler asks, with a reason.
    await signInAs(page, anguan);
    await page.goto('/warnings');
    const input = page.getByTestId('person-search-input').locator('input');
    await input.fill(PERSON);
    await input.press('Enter');
    await page.getByTestId('ask-approval').click();
    await page.getByTestId('approval-reason').fill('核查低保重复领取线索');
    await page.getByRole('dialog').getByRole('button', { name: '申请审批' }).click();
    await page.getByText('已提交申请').waitFor();
    await page.goto('/approvals');
    const mine = page.getByTestId('approval-request').first();
    await mine.waitFor();
    expect(await mine.getByTestId('approval-status').textContent()).toBe('待审批');
    expect(await mine.textContent()).toContain(MASKED);
    expect(await mine.textContent()).not.toContain(PERSON);
    // The page is watermarked with who is looking (antd draws the tiles as a background image).
    const tiles = page.locator('.qf-page-watermark > div[style*="background-image"]');
    expect(await tiles.count()).toBe(1);
    await page.screenshot({ path: screenshotPath('approvals-requester'), fullPage: true });
    await signOut(page);

    // A second person of the same commission approves it.
    await signInAs(page, lingdao);
    await page.goto('/approvals');
    await page.getByRole('tab', { name: '待我审批' }).click();
    await page.getByTestId('approval-approve').click();
    await page.getByText('已处理').waitFor();
    await page.screenshot({ path: screenshotPath('approvals-approver'), fullPage: true });
    await signOut(page);

    // The handler runs it, once.
    await signInAs(page, anguan);
    await page.goto('/warnings');
    await input.fill(PERSON);
    await input.press('Enter');
    await page.getByTestId('person-result').waitFor();
    expect(await page.getByTestId('person-results').textContent()).toContain(MASKED);
    await page.goto('/approvals');
    await page.getByTestId('approval-request').first().waitFor();
    expect(await page.getByTestId('approval-status').first().textContent()).toBe('已执行');
  },
);
