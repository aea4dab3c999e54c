import { readFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotPath } from '../harness/browser.js';
import { signInFirstTime, signOut } from '../harness/console-actions.js';
import { callApi, createUserThroughApi, rootOrganisationId } from '../harness/console-api.js';
import { consoleTest } from '../harness/console-test.js';
import { validId } from '../harness/identity-numbers.js';

const GOOD_1 = validId('19800101', '123');
const GOOD_2 = validId('19920315', '456');
/** A real birth date and region, but the wrong check character. */
function badId(birth: string, sequence: string): string {
  const good = validId(birth, sequence);
  return good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
}

const BAD = badId('19750607', '789');

/**
 * A public-security export as departments send it: GBK, Chinese headers, one of which
 * ("户籍所在区县") is no synonym of any field, so the division must be mapped by hand.
 * The second data row (line 3 of the file) has an identity number with a bad check digit.
 */
function personCsv(): Buffer {
  const lines = [
    '公民身份号码,姓名,性别,出生日期,户籍所在区县,联系电话',
    `${GOOD_1},张伟,男,1980-01-01,110101,13812345678`,
    `${BAD},李娜,女,1975/6/7,110101,13987654321`,
    `${GOOD_2},王芳,女,19920315,110102,`,
  ];
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk');
}

/**
 * As the signed-in system administrator, creates a unit (the supplying department) and a
 * data administrator through the same API the console uses; returns the temporary password.
 */
async function createDepartmentAndDataAdmin(page: Page): Promise<string> {
  const rootId = await rootOrganisationId(page);
  await callApi(page, 'POST', '/api/v1/organisations', {
    code: 'DC-GA',
    name: '东城区公安分局',
    kind: 'unit',
    unitType: 'department',
    parentId: rootId,
    divisionCode: '110101',
  });
  return createUserThroughApi(page, { username: 'shuju', displayName: '赵数据', orgId: rootId, role: 'data_admin' });
}

/** Picks an option of an antd Select or TreeSelect by its visible text. */
async function choose(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
}

consoleTest(
  '[DATASETS]: a data administrator uploads a GBK CSV with Chinese headers, maps one unmatched column, imports, and downloads the rejected-row report',
  async ({ page, server }) => {
    await signInFirstTime(page, 'sysadmin', server.passwords.sysadmin);
    const temporary = await createDepartmentAndDataAdmin(page);
    await signOut(page);
    await signInFirstTime(page, 'shuju', temporary);

    await page.getByTestId('side-menu').getByText('数据导入').click();
    await page.waitForURL('**/data-import');
    await choose(page, 'dataset-type-select', '人口基础信息 (person)');
    await page.getByTestId('department-select').click();
    await page.locator('.ant-select-dropdown:visible').getByText('东城区公安分局 (DC-GA)').click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '东城区人口.csv', mimeType: 'text/csv', buffer: personCsv() });
    await page.getByTestId('preview-submit').click();

    // The mapping screen: GBK read, every header but one matched, the division still missing.
    const mapping = page.getByTestId('mapping-table');
    await mapping.waitFor();
    await page.getByText('gb18030', { exact: false }).first().waitFor();
    expect(await page.getByTestId('missing-required').textContent()).toContain('division');
    expect(await page.getByTestId('preview-rows').textContent()).toContain('张伟');
    expect(await page.getByTestId('import-submit').isDisabled()).toBe(true);
    const unmatched = mapping.locator('tr', { hasText: '户籍所在区县' });
    await unmatched.getByText('未匹配').waitFor();
    await page.screenshot({ path: screenshotPath('datasets-mapping'), fullPage: true });
    await unmatched.locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:visible').getByText('* 行政区划 (division)', { exact: true }).click();
    await page.getByTestId('mapping-complete').waitFor();

    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('rows-read').textContent()).toContain('3');
    expect(await page.getByTestId('rows-loaded').textContent()).toContain('2');
    expect(await page.getByTestId('rows-rejected').textContent()).toContain('1');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('rejected-report').click()]);
    const report = await readFile(await download.path(), 'utf8');
    const line = report.split(/\r?\n/).find((l) => l.includes(BAD)) ?? '';
    // The watermark (who downloaded it, when) leads the line; then the file's line 3: header, one good row, this one.
    expect(line).toMatch(/^"内部资料 注意保密 Confidential · [^"]+",3,/);
    expect(line).toContain('公民身份号码');
    expect(line).toMatch(/校验/);

    // The batch's quality: two rows loaded, the identity column's valid rate below 100 %.
    await page.getByRole('link', { name: '查看批次详情' }).click();
    await page.getByTestId('quality-panel').waitFor();
    await page.getByTestId('chart-completeness').locator('canvas').waitFor();
    await page.waitForTimeout(500); // let the charts' entry animation finish for the screenshot
    await page.screenshot({ path: screenshotPath('datasets-quality'), fullPage: true });
  },
);
