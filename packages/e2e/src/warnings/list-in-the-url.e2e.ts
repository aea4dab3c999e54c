import { BUILTIN_MODELS } from '@qingfeng/core';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotPath } from '../harness/browser.js';
import { signInAs, signOut } from '../harness/console-actions.js';
import { importCsvThroughApi } from '../harness/console-api.js';
import { seedStaff } from '../harness/seed-staff.js';
import { consoleTest } from '../harness/console-test.js';
import { validId } from '../harness/identity-numbers.js';

/** 25 people who died in January and were paid for March: 25 warnings of W01, two pages of 20. */
const PEOPLE = Array.from({ length: 25 }, (_, i) => validId('19380505', String(100 + i)));
const W01 = BUILTIN_MODELS.find((m) => m.id === 'W01');

const rows = (page: Page) => page.getByTestId('warning-table').locator('tr.ant-table-row');

/** The list as it shows: the URL's query, the first row's id, the status chosen, the current page. */
async function listState(page: Page) {
  await rows(page).first().waitFor();
  const url = new URL(page.url());
  return {
    query: Object.fromEntries(url.searchParams),
    firstId: (await rows(page).first().locator('td').nth(1).textContent())?.trim(),
    status: (await page.getByTestId('filter-status').textContent())?.trim(),
    current: (await page.locator('.ant-pagination-item-active').textContent())?.trim(),
  };
}

consoleTest(
  '[WARNINGS]: filters, sort and page live in the URL: Back, reload and a shared link keep them; the warning shows its basis',
  async ({ page, server }) => {
    if (!W01) throw new Error('W01 is not a built-in model');
    const { shuju, jiandu } = await seedStaff(page, server, [
      { username: 'shuju', displayName: '赵数据', role: 'data_admin' },
      { username: 'jiandu', displayName: '孙监督', role: 'supervision' },
    ]);

    await signInAs(page, shuju);
    await importCsvThroughApi(page, 'death', ['id,name,death_date', ...PEOPLE.map((id) => `${id},周老伯,2024-01-10`)]);
    const header = 'payment_id,program,id,name,division,amount,paid_on,period';
    const payments = PEOPLE.map((id, i) => `M${i},dibao,${id},周老伯,110101,800,2024-03-05,2024-03`);
    await importCsvThroughApi(page, 'benefit_payment', [header, ...payments]);
    await signOut(page);

    // A handler (no model library) works the list: status, sort by id ascending, page 2.
    await signInAs(page, jiandu);
    await page.getByTestId('side-menu').getByText('预警管理').click();
    await page.waitForURL('**/warnings');
    await page.getByText('共 25 条').waitFor({ timeout: 60_000 });
    await page.getByTestId('filter-status').click();
    await page.locator('.ant-select-item-option').getByText('新预警', { exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('status') === 'new');
    await page.getByTestId('warning-table').locator('th').filter({ hasText: '编号' }).click();
    // Each change keeps the others: the sort keeps the status filter, the page keeps both.
    await page.waitForURL((url) => url.searchParams.get('sort') === 'id' && url.searchParams.get('status') === 'new');
    await page.locator('.ant-pagination-item-2').click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await page.getByText('共 25 条').waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="warning-table"] tr.ant-table-row').length === 5,
    );
    const worked = await listState(page);
    expect(worked).toMatchObject({ query: { status: 'new', sort: 'id', page: '2' }, status: '新预警', current: '2' });
    const ids = await rows(page).locator('td:nth-child(2)').allTextContents();
    expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => a - b));
    // The table stays within the 1,280 px window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // The warning itself: its model's basis and handling, for a handler without model.read.
    await rows(page).first().click();
    await page.waitForURL('**/warnings/*');
    expect(await page.getByTestId('warning-basis').textContent()).toBe(W01.basis.zh);
    expect(await page.getByTestId('warning-handling').textContent()).toBe(W01.handling.zh);
    await page.screenshot({ path: screenshotPath('warning-basis'), fullPage: true });

    // Back: the same list, same page.
    await page.goBack();
    await page.waitForURL((url) => url.pathname === '/warnings');
    expect(await listState(page)).toEqual(worked);

    // Reload: still the same.
    await page.reload();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="warning-table"] tr.ant-table-row').length === 5,
    );
    expect(await listState(page)).toEqual(worked);

    // The breadcrumb of a warning opened from the list leads back to that list too.
    await rows(page).first().click();
    await page.waitForURL('**/warnings/*');
    await page.locator('.ant-breadcrumb a').click();
    await page.waitForURL((url) => url.pathname === '/warnings' && url.searchParams.get('page') === '2');
    expect(await listState(page)).toEqual(worked);

    // A shared link, as the overview's figures give: the open red warnings, newest first.
    await page.goto('/warnings?severity=red&status=open&sort=-id');
    await page.getByText('共 25 条').waitFor();
    expect((await page.getByTestId('filter-status').textContent())?.trim()).toBe('待处理（新预警与核查中）');
    const newestFirst = await rows(page).locator('td:nth-child(2)').allTextContents();
    expect(newestFirst.map(Number)).toEqual([...newestFirst.map(Number)].sort((a, b) => b - a));

    // In English, the warning's basis and handling in English.
    await rows(page).first().click();
    await page.waitForURL('**/warnings/*');
    await page.getByTestId('language-switch').click();
    await page.getByTestId('warning-basis').getByText(W01.basis.en).waitFor();
    expect(await page.getByTestId('warning-handling').textContent()).toBe(W01.handling.en);
    expect(await page.getByTestId('warning-guidance').textContent()).toContain('Basis and handling');
  },
);
