import { expect } from 'vitest';
import { screenshotPath } from '../harness/browser.js';
import { signInFirstTime, signOut } from '../harness/console-actions.js';
import { callApi, createUserThroughApi, importCsvThroughApi, rootOrganisationId } from '../harness/console-api.js';
import { consoleTest } from '../harness/console-test.js';
import { validId } from '../harness/identity-numbers.js';

const DEAD = validId('19380606', '606'); // died 2024-01-10, paid dibao for March and April
const WRONG = `${validId('19450707', '707').slice(0, 17)}${validId('19450707', '707').endsWith('1') ? '2' : '1'}`;
const MASKED = `${DEAD.slice(0, 3)}***********${DEAD.slice(-4)}`;

consoleTest(
  "[PEOPLE]: a person found by identity number, their page with their warnings; a batch's rejected rows read masked",
  async ({ page, server }) => {
    await signInFirstTime(page, 'sysadmin', server.passwords.sysadmin);
    const orgId = await rootOrganisationId(page);
    const dataAdmin = await createUserThroughApi(page, {
      username: 'shuju',
      displayName: '赵数据',
      orgId,
      role: 'data_admin',
    });
    const leader = await createUserThroughApi(page, {
      username: 'lingdao',
      displayName: '钱领导',
      orgId,
      role: 'leader',
    });
    await signOut(page);

    // The imports run the built-in models on the new rows (W01 among them); one payment has a wrong check digit.
    await signInFirstTime(page, 'shuju', dataAdmin);
    expect(await importCsvThroughApi(page, 'death', ['id,name,death_date', `${DEAD},吴老伯,2024-01-10`])).toBe(1);
    const header = 'payment_id,program,id,name,division,amount,paid_on,period';
    const payments = [
      `M1,dibao,${DEAD},吴老伯,110101,800,2024-03-05,2024-03`,
      `M2,dibao,${DEAD},吴老伯,110101,800,2024-04-05,2024-04`,
      `M3,dibao,${WRONG},郑错号,110101,800,2024-04-05,2024-04`,
    ];
    expect(await importCsvThroughApi(page, 'benefit_payment', [header, ...payments])).toBe(2);
    const { items } = (await callApi(page, 'GET', '/api/v1/batches?pageSize=1')) as { items: { id: number }[] };
    await page.goto(`/import-batches/${items[0]?.id}`);
    const lines = page.getByTestId('rejected-lines');
    await lines.locator('tr.ant-table-row').first().waitFor();
    const line = await lines.locator('tr.ant-table-row').first().textContent();
    expect(line).toContain(`${WRONG.slice(0, 3)}***********${WRONG.slice(-4)}`);
    expect(line).not.toContain(WRONG);
    expect(line).toContain('校验位');
    await page.screenshot({ path: screenshotPath('people-rejected-lines'), fullPage: true });
    await signOut(page);

    await signInFirstTime(page, 'lingdao', leader);
    await page.goto('/warnings');
    await page.getByTestId('person-search-input').locator('input').fill(DEAD);
    await page.getByTestId('person-search-input').locator('input').press('Enter');
    const result = page.getByTestId('person-result');
    await result.waitFor();
    expect(await page.getByTestId('person-results').textContent()).toContain(MASKED);
    await result.click();
    await page.waitForURL('**/people/*');
    await page.getByTestId('person-warnings').locator('tr.ant-table-row').first().waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('person-name').textContent()).toBe('吴老伯');
    expect(await page.getByTestId('person-id-number').textContent()).toBe(MASKED);
    const warnings = await page.getByTestId('person-warnings').textContent();
    expect(warnings).toContain('W01');
    expect(warnings).toContain('2024-03 – 2024-04');
    expect(warnings).not.toContain(DEAD);
    await page.screenshot({ path: screenshotPath('people-person-page'), fullPage: true });

    // From the warning back to the person.
    await page.getByTestId('person-warning-link').first().click();
    await page.waitForURL('**/warnings/*');
    await page.getByTestId('person-link').click();
    await page.waitForURL('**/people/*');
    await page.getByTestId('person-name').waitFor();
  },
);
