import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotPath } from '../harness/browser.js';
import { signInAs, signOut } from '../harness/console-actions.js';
import { seedStaff } from '../harness/seed-staff.js';
import { consoleTest } from '../harness/console-test.js';
import { validId } from '../harness/identity-numbers.js';

const DEAD = validId('19400101', '111');
const VILLAGE = '110101001001';
const PLACE = '城关街道东风社区';

/** Uploads a CSV to an import endpoint as the signed-in user, with the page's session. */
async function upload(page: Page, url: string, lines: string[], extra: Record<string, string> = {}): Promise<void> {
  await page.evaluate(
    async ({ url, text, extra }) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const form = new FormData();
      for (const [k, v] of Object.entries(extra)) form.append(k, v);
      form.append('file', new Blob([text], { type: 'text/csv' }), 'upload.csv');
      const response = await fetch(url, { method: 'POST', headers: { 'x-csrf-token': me.csrfToken }, body: form });
      if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
    },
    { url, text: `${lines.join('\n')}\n`, extra },
  );
}

consoleTest(
  '[WARNINGS]: a warning names its village and programme in words, in Chinese and English, the division code on hover',
  async ({ page, server }) => {
    const { sysadmin, shuju, jiandu } = await seedStaff(page, server, [
      { username: 'shuju', displayName: '赵数据', role: 'data_admin' },
      { username: 'jiandu', displayName: '孙监督', role: 'supervision' },
    ]);
    await signInAs(page, sysadmin);
    // The division register names the town and the village the data lies in.
    await upload(page, '/api/v1/divisions/import', [
      'code,name,parent_code',
      '110101001000,城关街道,110101000000',
      `${VILLAGE},东风社区,110101001000`,
    ]);
    await signOut(page);

    // Importing the payments runs the built-in W01 (a payment after death) on them.
    await signInAs(page, shuju);
    await upload(page, '/api/v1/datasets/death/imports', ['id,name,death_date', `${DEAD},王老汉,2024-01-10`], {
      mode: 'append',
    });
    await upload(
      page,
      '/api/v1/datasets/benefit_payment/imports',
      [
        'payment_id,program,id,name,division,amount,paid_on,period',
        `P1,dibao,${DEAD},王老汉,${VILLAGE},800,2024-04-05,2024-04`,
      ],
      { mode: 'append' },
    );
    await signOut(page);

    await signInAs(page, jiandu);
    await page.getByTestId('side-menu').getByText('预警管理').click();
    await page.waitForURL('**/warnings');
    const row = page.getByTestId('warning-table').locator('tr.ant-table-row').filter({ hasText: 'W01' }).first();
    await row.waitFor({ timeout: 60_000 });
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('最低生活保障');
    expect(text).not.toMatch(/dibao|110101001001/);
    // The place name in the list; its code on hover.
    await row.getByTestId('place-name').getByText(PLACE).hover();
    await page.getByRole('tooltip').getByText(VILLAGE).waitFor();
    await page.screenshot({ path: screenshotPath('warnings-place-names'), fullPage: true });

    await row.click();
    await page.waitForURL('**/warnings/*');
    const payment = page.getByTestId('evidence-payment');
    await payment.waitFor();
    expect(await payment.textContent()).toContain('发放记录');
    expect(await payment.textContent()).toContain('最低生活保障');
    await payment.getByTestId('place-name').getByText(PLACE).hover();
    await page.getByRole('tooltip').getByText(VILLAGE).waitFor();
    expect(await page.getByTestId('evidence').textContent()).not.toMatch(/dibao|\btrue\b|\bfalse\b/);

    // In English, the same warning in English words; the place keeps its registered name.
    await page.getByTestId('language-switch').click();
    await page
      .getByTestId('warning-explanation')
      .getByText(/minimum living guarantee/)
      .waitFor();
    const english = (await page.getByTestId('evidence').textContent()) ?? '';
    expect(english).toContain('Minimum living guarantee');
    expect(english).toContain('payment');
    expect(english).not.toMatch(/dibao/);
    await page.screenshot({ path: screenshotPath('warning-detail-en'), fullPage: true });
  },
);
