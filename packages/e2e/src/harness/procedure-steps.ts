import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { measureWidth } from '../layout/measure-width.js';
import { PHONE } from './browser.js';
import { importCsvThroughApi } from './console-api.js';

/** Picks `option` in the antd select at `select` (a test id, or the select's own locator). */
export async function choose(page: Page, select: string | Locator, option: string): Promise<void> {
  const field = typeof select === 'string' ? page.getByTestId(select) : select;
  await field.click();
  const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first();
  await item.click();
  // A multiple select keeps its list open by design (the caller closes it).
  if ((await field.getAttribute('class'))?.includes('ant-select-multiple')) return;
  // A single select closes its list once it has chosen. On a busy machine a click during
  // the list's opening animation can land without choosing, and the open list then covers
  // the next field: wait for it to close, and choose again if it has not.
  const open = page.locator('.ant-select-dropdown:visible');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await open.first().waitFor({ state: 'hidden', timeout: 2_000 });
      return;
    } catch {
      if ((await item.count()) > 0) await item.click();
    }
  }
  await open.first().waitFor({ state: 'hidden' });
}

/** Picks several `options` in the antd multiple select with `testId`, its list kept open between them. */
export async function chooseMany(page: Page, testId: string, options: readonly string[]): Promise<void> {
  await page.getByTestId(testId).click();
  for (const option of options) {
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click();
  }
  await page.keyboard.press('Escape');
}

/** Opens a step's form from a clue or case page, lets `fill` complete it, sends it, and waits for the form to close. */
export async function takeStep(page: Page, action: string, fill: () => Promise<void> = async () => {}): Promise<void> {
  await page.getByTestId(`step-${action}`).click();
  await page.getByTestId('step-form').waitFor();
  await fill();
  await page.getByTestId('step-submit').click();
  await page.getByTestId('step-form').waitFor({ state: 'detached' });
}

/** Gives a step form one attachment (hashed in the browser) and waits until it is listed. */
export async function attach(page: Page, name: string): Promise<void> {
  await page.getByTestId('attachment-file').setInputFiles({
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.from(`%PDF-1.4 ${name}`),
  });
  await page.getByText(name).waitFor();
}

/** The clue walks' staff of the clue side: data, two handlers, case management, a leader. */
export const CLUE_STAFF = [
  { username: 'shuju', displayName: '赵数据', role: 'data_admin' },
  { username: 'jiandu', displayName: '孙监督', role: 'supervision' },
  { username: 'jiandu2', displayName: '周监督', role: 'supervision' },
  { username: 'anguan', displayName: '钱案管', role: 'case_management' },
  { username: 'lingdao', displayName: '李书记', role: 'leader' },
] as const;

/** Loads a dead person still paid a living allowance (W01 finds it), as the signed-in data administrator. */
export async function importDeadStillPaid(page: Page, dead: string): Promise<void> {
  await importCsvThroughApi(page, 'death', ['id,name,death_date', `${dead},王老汉,2024-01-10`]);
  await importCsvThroughApi(page, 'benefit_payment', [
    'payment_id,program,id,name,division,amount,paid_on,period',
    `P1,dibao,${dead},王老汉,110101001001,800,2024-04-05,2024-04`,
  ]);
}

/** Opens the W01 warning from the list as the signed-in handler; returns its page's address. */
export async function openW01Warning(page: Page): Promise<string> {
  await page.goto('/warnings');
  const row = page.getByTestId('warning-table').locator('tr.ant-table-row').filter({ hasText: 'W01' }).first();
  await row.waitFor({ timeout: 60_000 });
  await row.click();
  await page.waitForURL('**/warnings/*');
  return page.url();
}

/**
 * On the open warning's page, confirms it and makes it a clue, naming `official` (name and
 * post) as the person it is about when given; returns the clue page's address.
 */
export async function confirmIntoClue(page: Page, official?: [string, string]): Promise<string> {
  await page.getByTestId('mark-confirmed').click();
  await page.getByTestId('status-confirm').click();
  await page.getByTestId('create-clue').click();
  await choose(page, 'problem-type', '侵害群众利益');
  await page.getByTestId('clue-title').fill('死亡人员仍领取低保金');
  await page.getByTestId('clue-summary').fill('预警显示已死亡人员仍在领取最低生活保障金');
  if (official) {
    await page.getByRole('button', { name: '添加反映对象' }).click();
    await page.getByPlaceholder('姓名或单位名称').fill(official[0]);
    await page.getByPlaceholder('职务').fill(official[1]);
  }
  await page.getByTestId('create-clue-submit').click();
  await page.waitForURL('**/clues/*');
  return page.url();
}

/** Reloads the page in English at a phone's width, waiting for `testId`, and checks nothing is wider than the window. */
export async function inEnglishOnAPhone(page: Page, testId: string): Promise<void> {
  await page.evaluate(() => localStorage.setItem('qf.lang', 'en'));
  await page.setViewportSize(PHONE);
  await page.reload();
  await page.getByTestId(testId).waitFor();
  const width = await measureWidth(page);
  expect(width.scrollWidth).toBeLessThanOrEqual(width.innerWidth);
}
