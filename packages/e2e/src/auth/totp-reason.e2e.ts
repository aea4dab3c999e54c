import { expect } from 'vitest';
import { openConsole } from '../harness/browser.js';
import { signIn, signInFirstTime, strongPassword } from '../harness/console-actions.js';
import { callApi } from '../harness/console-api.js';
import { consoleTest } from '../harness/console-test.js';

consoleTest(
  '[AUTH]: turning on two-step verification by choice does not claim the role requires it; a required enrolment says it is required',
  async ({ page, browser, server }) => {
    // The system administrator's role does not require it: the account page's dialog is a choice.
    await signInFirstTime(page, 'sysadmin', server.passwords.sysadmin);
    await page.goto('/account');
    await page.getByRole('button', { name: '启用两步验证' }).click();
    const voluntary = await page.getByTestId('totp-reason').textContent();
    expect(voluntary).toContain('自愿');
    expect(voluntary).not.toContain('要求');
    await page.keyboard.press('Escape');
    await page.getByTestId('totp-reason').waitFor({ state: 'detached' });
    await page.getByTestId('language-switch').click();
    await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
    await expect.poll(() => page.getByTestId('totp-reason').textContent()).toContain('your choice');
    expect(await page.getByTestId('totp-reason').textContent()).not.toContain('requires');

    // The security administrator makes it required for the auditor's role: the auditor's
    // enrolment page at sign-in says so.
    const sec = await openConsole(browser, server.baseUrl);
    try {
      await signInFirstTime(sec.page, 'secadmin', server.passwords.secadmin);
      await callApi(sec.page, 'PUT', '/api/v1/security-policies', { totpRequiredRoles: ['auditor'] });
      const auditor = await openConsole(browser, server.baseUrl);
      try {
        await signIn(auditor.page, 'auditor', server.passwords.auditor);
        await auditor.page.waitForURL('**/change-password');
        const next = strongPassword();
        await auditor.page.getByLabel('当前密码').fill(server.passwords.auditor);
        await auditor.page.getByLabel('新密码', { exact: true }).fill(next);
        await auditor.page.getByLabel('确认新密码').fill(next);
        await auditor.page.getByRole('button', { name: '修改密码' }).click();
        await auditor.page.waitForURL('**/enrol-totp');
        await expect
          .poll(() => auditor.page.getByTestId('totp-reason').textContent())
          .toContain('您的角色要求两步验证');
        expect(auditor.problems).toEqual([]);
      } finally {
        await auditor.context.close();
      }
      expect(sec.problems).toEqual([]);
    } finally {
      await sec.context.close();
    }
  },
);
