import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotPath } from '../harness/browser.js';
import { signInFirstTime, signOut } from '../harness/console-actions.js';
import { callApi, createUserThroughApi, rootOrganisationId } from '../harness/console-api.js';
import { consoleTest } from '../harness/console-test.js';

/** Uploads a division register CSV as the signed-in administrator, with the page's session. */
async function importDivisions(page: Page, lines: string[]): Promise<void> {
  await page.evaluate(
    async (text) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const form = new FormData();
      form.append('file', new Blob([text], { type: 'text/csv' }), 'divisions.csv');
      const response = await fetch('/api/v1/divisions/import', {
        method: 'POST',
        headers: { 'x-csrf-token': me.csrfToken },
        body: form,
      });
      if (!response.ok) throw new Error(`divisions: ${response.status} ${await response.text()}`);
    },
    `${lines.join('\n')}\n`,
  );
}

const COUNTY = '110101000000';
const PLACE = '清风测试县';

consoleTest(
  '[ORGANISATIONS]: the organisation page and the home page name a division by its place, the code on hover',
  async ({ page, server }) => {
    await signInFirstTime(page, 'sysadmin', server.passwords.sysadmin);
    await importDivisions(page, ['code,name', `${COUNTY},${PLACE}`]);
    const county = await callApi(page, 'POST', '/api/v1/organisations', {
      code: 'QF-COUNTY',
      name: '清风测试县纪委监委',
      kind: 'commission',
      level: 'county',
      parentId: await rootOrganisationId(page),
      divisionCode: COUNTY,
    });
    const password = await createUserThroughApi(page, {
      username: 'xianjiandu',
      displayName: '县监督',
      orgId: Number(county.id),
      role: 'supervision',
    });

    await page.getByTestId('side-menu').getByText('组织机构').click();
    await page.waitForURL('**/organisations');
    await page.getByText('清风测试县纪委监委').click();
    const place = page.getByTestId('place-name').filter({ hasText: PLACE });
    await place.waitFor();
    expect(await place.getAttribute('data-code')).toBe(COUNTY);
    await place.hover();
    await page.getByRole('tooltip').getByText(COUNTY).waitFor();
    await page.screenshot({ path: screenshotPath('organisation-place-name'), fullPage: true });
    await signOut(page);

    await signInFirstTime(page, 'xianjiandu', password);
    const jurisdiction = page.getByTestId('home-jurisdiction');
    await jurisdiction.waitFor();
    expect(await jurisdiction.textContent()).toBe(`${PLACE} (县级)`);
    await jurisdiction.getByTestId('place-name').hover();
    await page.getByRole('tooltip').getByText(COUNTY).waitFor();
    await page.screenshot({ path: screenshotPath('home-place-name'), fullPage: true });
  },
);
