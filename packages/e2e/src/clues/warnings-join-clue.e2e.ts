import { expect } from 'vitest';
import { screenshotPath } from '../harness/browser.js';
import { signInAs, signOut } from '../harness/console-actions.js';
import { importCsvThroughApi } from '../harness/console-api.js';
import { consoleTest } from '../harness/console-test.js';
import { validId } from '../harness/identity-numbers.js';
import { CLUE_STAFF, choose, inEnglishOnAPhone, openW01Warning } from '../harness/procedure-steps.js';
import { seedStaff } from '../harness/seed-staff.js';

/** Two dead people still paid: W01 raises a warning on each. */
const FIRST = validId('19390202', '111');
const SECOND = validId('19410303', '333');

consoleTest(
  "[CLUES]: a warning's person is confirmed as the clue's subject, and a second warning joins the clue",
  async ({ page, server }) => {
    const { shuju, jiandu } = await seedStaff(page, server, [...CLUE_STAFF]);
    await signInAs(page, shuju);
    await importCsvThroughApi(page, 'death', [
      'id,name,death_date',
      `${FIRST},王老汉,2024-01-10`,
      `${SECOND},李老太,2024-02-12`,
    ]);
    await importCsvThroughApi(page, 'benefit_payment', [
      'payment_id,program,id,name,division,amount,paid_on,period',
      `J1,dibao,${FIRST},王老汉,110101001001,800,2024-04-05,2024-04`,
      `J2,dibao,${SECOND},李老太,110101001001,800,2024-04-05,2024-04`,
    ]);
    await signOut(page);

    // The handler makes the first warning a clue; its person is offered, masked, and ticked by hand.
    await signInAs(page, jiandu);
    await openW01Warning(page);
    await page.getByTestId('mark-confirmed').click();
    await page.getByTestId('status-confirm').click();
    await page.getByTestId('create-clue').click();
    const picks = page.getByTestId('warning-subject-picks');
    await picks.waitFor();
    const offered = (await picks.textContent()) ?? '';
    expect(offered).toMatch(/王老汉|李老太/);
    expect(offered).toContain('预警对象');
    for (const id of [FIRST, SECOND]) expect(offered).not.toContain(id.slice(6, 14));
    const person = offered.includes('王老汉') ? '王老汉' : '李老太';
    const other = person === '王老汉' ? '李老太' : '王老汉';
    await picks.getByRole('checkbox').first().check();
    await choose(page, 'problem-type', '侵害群众利益');
    await page.getByTestId('clue-title').fill('死亡人员仍领取低保金');
    await page.getByTestId('clue-summary').fill('预警显示已死亡人员仍在领取最低生活保障金');
    await page.getByTestId('create-clue-submit').click();
    await page.waitForURL('**/clues/*');
    const clueUrl = page.url();
    await page.getByTestId('clue-timeline').waitFor();
    expect(await page.getByText(person).count()).toBeGreaterThan(0);

    // The second warning joins that clue from its own page.
    await page.goto('/warnings');
    const row = page
      .getByTestId('warning-table')
      .locator('tr.ant-table-row')
      .filter({ hasText: 'W01' })
      .filter({ hasText: '新预警' })
      .first();
    await row.waitFor();
    await row.click();
    await page.waitForURL('**/warnings/*');
    const warningUrl = page.url();
    await page.getByTestId('mark-confirmed').click();
    await page.getByTestId('status-confirm').click();
    await page.getByTestId('join-clue').click();
    await choose(page, 'join-clue-select', '死亡人员仍领取低保金');
    await page.getByTestId('join-clue-submit').click();
    await page.waitForURL(clueUrl);
    const entries = page.getByTestId('timeline-entry');
    await entries.last().getByText('并入预警').waitFor();
    expect(await entries.last().textContent()).toContain('孙监督');
    // The other person was never added: joining adds no subject.
    expect(await page.getByText(other).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('clue-joined-warning-zh'), fullPage: true });
    await page.goto(warningUrl);
    await page.getByTestId('warning-clue-link').waitFor();

    await page.goto(clueUrl);
    await inEnglishOnAPhone(page, 'clue-timeline');
    expect(await entries.last().textContent()).toContain('Warnings joined');
  },
);
