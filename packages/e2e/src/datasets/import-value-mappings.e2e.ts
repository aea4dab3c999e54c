import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotPath } from '../harness/browser.js';
import { signInFirstTime, signOut } from '../harness/console-actions.js';
import { callApi, createUserThroughApi, rootOrganisationId } from '../harness/console-api.js';
import { consoleTest } from '../harness/console-test.js';
import { validId } from '../harness/identity-numbers.js';

/**
 * A death register as a department words it: the source column's header is no synonym of any
 * field ("信息来源单位"), and two of its three values are the department's own words for a
 * code ("派出所户籍注销登记" for 公安).
 */
function deathCsv(): string {
  const lines = [
    '身份证号,姓名,死亡日期,信息来源单位',
    `${validId('19400101', '211')},张三,2024-03-05,派出所户籍注销登记`,
    `${validId('19450202', '222')},李四,2024-03-06,派出所户籍注销登记`,
    `${validId('19500303', '233')},王五,2024-03-07,民政局`,
  ];
  return `${lines.join('\r\n')}\r\n`;
}

async function signInAsDataAdmin(page: Page, sysadminPassword: string): Promise<void> {
  await signInFirstTime(page, 'sysadmin', sysadminPassword);
  const rootId = await rootOrganisationId(page);
  const temporary = await createUserThroughApi(page, {
    username: 'zidian',
    displayName: '钱字典',
    orgId: rootId,
    role: 'data_admin',
  });
  await signOut(page);
  await signInFirstTime(page, 'zidian', temporary);
}

consoleTest(
  '[DATASETS]: the preview suggests a field for an unknown column and a code for an unknown value; followed, saved as a mapping file and imported, nothing is lost',
  async ({ page, server }) => {
    await signInAsDataAdmin(page, server.passwords.sysadmin);
    await page.getByTestId('side-menu').getByText('数据导入').click();
    await page.waitForURL('**/data-import');
    await page.getByTestId('dataset-type-select').click();
    await page.locator('.ant-select-dropdown:visible').getByText('死亡人员信息 (death)', { exact: true }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: '死亡登记.csv', mimeType: 'text/csv', buffer: Buffer.from(deathCsv(), 'utf8') });
    await page.getByTestId('preview-submit').click();

    // The preview: the column fed no field and is offered for 信息来源 (source).
    await page.getByTestId('mapping-table').waitFor();
    const unused = page.getByTestId('unused-column-3');
    expect(await unused.textContent()).toContain('信息来源单位');
    await unused.getByTestId('suggest-3-source').click();

    // Mapped, the column's values are checked against the codes: the department's word is offered as 公安.
    const unknown = page.getByTestId('unknown-value-source');
    await unknown.waitFor();
    expect(await unknown.textContent()).toContain('派出所户籍注销登记');
    expect(await unknown.textContent()).toContain('2 处');
    await page.screenshot({ path: screenshotPath('datasets-value-mappings'), fullPage: true });
    await unknown.getByTestId('value-suggest-source-public_security').click();
    expect(await page.getByTestId('value-mappings-set').textContent()).toContain('「派出所户籍注销登记」→ 公安');
    expect(await page.getByTestId('unknown-values').count()).toBe(0);

    // Saved as the mapping file the command line reads.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-mapping').click()]);
    expect(download.suggestedFilename()).toBe('death-mapping.json');
    const saved = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      headers: Record<string, string>;
      values: Record<string, Record<string, string>>;
    };
    expect(saved.headers['信息来源单位']).toBe('source');
    expect(saved.values).toEqual({ source: { 派出所户籍注销登记: 'public_security' } });

    await page.getByTestId('import-submit').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('rows-read').textContent()).toContain('3');
    expect(await page.getByTestId('rows-loaded').textContent()).toContain('3');
    expect(await page.getByTestId('rows-rejected').textContent()).toContain('0');
    expect(await page.getByTestId('cells-kept').textContent()).toContain('0');

    // Nothing lost: the source field holds a value in every row, the mapped word as its code.
    const batchId = Number(/批次号\s*(\d+)/.exec((await page.getByTestId('import-done').textContent()) ?? '')?.[1]);
    const quality = (await callApi(page, 'GET', `/api/v1/batches/${batchId}/quality?refresh=true`)) as {
      fields: {
        key: string;
        nonNull: number;
        keptWithoutValue?: number;
        topValues?: { value: unknown; count: number }[];
      }[];
    };
    const source = quality.fields.find((f) => f.key === 'source');
    expect(source?.nonNull).toBe(3);
    expect(source?.keptWithoutValue).toBe(0);
    expect(source?.topValues).toEqual(
      expect.arrayContaining([
        { value: 'public_security', count: 2 },
        { value: 'civil_affairs', count: 1 },
      ]),
    );
  },
);
