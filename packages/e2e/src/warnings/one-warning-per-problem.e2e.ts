import { expect } from 'vitest';
import { screenshotPath } from '../harness/browser.js';
import { signInAs, signOut } from '../harness/console-actions.js';
import { importCsvThroughApi } from '../harness/console-api.js';
import { consoleTest } from '../harness/console-test.js';
import { seedStaff } from '../harness/seed-staff.js';
import { validId } from '../harness/identity-numbers.js';

const DEAD = validId('19380505', '555'); // died 2024-01-10, paid dibao for March, April and May

consoleTest(
  '[WARNINGS]: a person paid for three months after death is one warning, with all three months on its page',
  async ({ page, server }) => {
    const { shuju, jiandu } = await seedStaff(page, server, [
      { username: 'shuju', displayName: '赵数据', role: 'data_admin' },
      { username: 'jiandu', displayName: '孙监督', role: 'supervision' },
    ]);

    // The imports run the built-in models on the new rows, W01 among them.
    await signInAs(page, shuju);
    expect(await importCsvThroughApi(page, 'death', ['id,name,death_date', `${DEAD},周老伯,2024-01-10`])).toBe(1);
    const payments = ['2024-03', '2024-04', '2024-05'].map(
      (month, i) => `M${i},dibao,${DEAD},周老伯,110101,800,${month}-05,${month}`,
    );
    const header = 'payment_id,program,id,name,division,amount,paid_on,period';
    expect(await importCsvThroughApi(page, 'benefit_payment', [header, ...payments])).toBe(3);
    await signOut(page);

    await signInAs(page, jiandu);
    await page.getByTestId('side-menu').getByText('预警管理').click();
    await page.waitForURL('**/warnings');
    const rows = page.getByTestId('warning-table').locator('tr.ant-table-row').filter({ hasText: 'W01' });
    await rows.first().waitFor({ timeout: 60_000 });
    expect(await rows.count()).toBe(1);
    const summary = await rows.first().getByTestId('warning-summary').textContent();
    expect(summary).toContain('2024-03 – 2024-05');
    expect(summary).toContain('3 笔');
    expect(summary).toContain('2,400.00');

    await rows.first().click();
    await page.waitForURL('**/warnings/*');
    await page.getByTestId('evidence-payment').first().waitFor();
    expect(await page.getByTestId('evidence-payment').count()).toBe(3);
    expect(await page.getByTestId('evidence-death').count()).toBe(1);
    const months = await page.getByTestId('evidence').textContent();
    for (const month of ['2024-03', '2024-04', '2024-05']) expect(months).toContain(month);
    expect(await page.getByTestId('warning-explanation').textContent()).toContain('2024-03至2024-05');
    expect(await page.getByTestId('warning-summary').textContent()).toContain('3 笔');
    await page.screenshot({ path: screenshotPath('warnings-one-per-problem'), fullPage: true });
  },
);
