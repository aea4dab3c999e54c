import { expect } from 'vitest';
import { PHONE, openConsole, screenshotPath } from '../harness/browser.js';
import { signInAs } from '../harness/console-actions.js';
import { callApi } from '../harness/console-api.js';
import { consoleTest } from '../harness/console-test.js';
import { seedStaff } from '../harness/seed-staff.js';
import { measureWidth } from '../layout/measure-width.js';

consoleTest(
  '[NOTIFY]: a leader sees the bell count rise as a handler proposes a triage, opens 我的待办 and approves',
  async ({ page, server, browser }) => {
    // 周监督 sits on the triage beside 孙监督, who proposes it.
    const { jiandu, anguan, lingdao } = await seedStaff(page, server, [
      { username: 'jiandu', displayName: '孙监督', role: 'supervision' },
      { username: 'jiandu2', displayName: '周监督', role: 'supervision' },
      { username: 'anguan', displayName: '钱案管', role: 'case_management' },
      { username: 'lingdao', displayName: '李书记', role: 'leader' },
    ]);

    // The handler works in a browser of their own, through the API the console calls.
    const handler = await openConsole(browser, server.baseUrl);
    try {
      await signInAs(handler.page, jiandu);
      const me = (await callApi(handler.page, 'GET', '/api/v1/auth/me')) as { divisionCode: string };
      const participants = (await callApi(handler.page, 'GET', '/api/v1/clues/participants')) as {
        items: { id: number; name: string }[];
      };
      const ids = participants.items.filter((p) => ['孙监督', '周监督'].includes(p.name)).map((p) => p.id);
      expect(ids).toHaveLength(2);
      const clue = await callApi(handler.page, 'POST', '/api/v1/clues', {
        source: 'letters_visits',
        problemType: 'livelihood_funds',
        title: '某村低保资金被冒领',
        summary: '群众来信反映村干部冒领低保金',
        divisionCode: me.divisionCode,
      });
      const clueId = Number(clue.id);

      const registrar = await openConsole(browser, server.baseUrl);
      await signInAs(registrar.page, anguan);
      await callApi(registrar.page, 'POST', `/api/v1/clues/${clueId}/steps`, { action: 'register', payload: {} });
      await registrar.context.close();

      // The leader is signed in, with nothing waiting yet.
      await signInAs(page, lingdao);
      const bell = page.getByTestId('notification-bell');
      await bell.waitFor();
      expect(await page.getByTestId('notification-count').locator('.ant-badge-count').count()).toBe(0);

      await callApi(handler.page, 'POST', `/api/v1/clues/${clueId}/steps`, {
        action: 'propose_disposal',
        payload: { disposal: 'preliminary_verification', participantIds: ids, reason: '反映具体，可查性强' },
      });
      // Pushed live: the count rises without a reload.
      await page.getByTestId('notification-count').locator('.ant-badge-count').filter({ hasText: '1' }).waitFor();
      await bell.click();
      const item = page.getByTestId('notification-panel').getByTestId('notification-item').first();
      await item.waitFor();
      expect(await item.textContent()).toContain('线索待您审批');
      expect(await item.textContent()).toContain('处置意见待审批');
      await page.keyboard.press('Escape');

      // Home leads to the inbox; the inbox to the clue.
      await page.goto('/');
      await page.getByTestId('inbox-summary').getByText('您有1项待办').waitFor();
      await page.getByTestId('inbox-summary').getByRole('link').click();
      await page.waitForURL('**/inbox');
      const task = page.getByTestId('inbox-item');
      await task.waitFor();
      expect(await task.count()).toBe(1);
      const words = (await task.textContent()) ?? '';
      expect(words).toContain('某村低保资金被冒领');
      expect(words).toContain('待您审批');
      expect(words).toContain('批准处置意见');
      expect(words).not.toMatch(/approve_disposal|awaiting_disposal_approval/);
      await page.screenshot({ path: screenshotPath('inbox-zh'), fullPage: true });
      await task.getByRole('link').click();
      await page.waitForURL(`**/clues/${clueId}`);
      await page.getByTestId('step-approve_disposal').click();
      await page.getByTestId('step-form').waitFor();
      await page.getByTestId('step-submit').click();
      await page.getByTestId('step-form').waitFor({ state: 'detached' });
      expect(await page.getByTestId('clue-state').textContent()).toBe('拟订初核方案');

      // Done: the inbox is empty; the handler's own inbox now holds the plan to draft.
      await page.goto('/inbox');
      await page.getByText('目前没有需要您办理的事项').waitFor();
      const handlerInbox = (await callApi(handler.page, 'GET', '/api/v1/inbox')) as {
        items: { clue: { id: number }; actions: { action: string }[] }[];
      };
      expect(handlerInbox.items.map((i) => [i.clue.id, i.actions.map((a) => a.action)])).toEqual([
        [clueId, ['submit_verification_plan']],
      ]);

      // In English and on a phone, the bell's panel reads in words and fits the window.
      await page.evaluate(() => localStorage.setItem('qf.lang', 'en'));
      await page.setViewportSize(PHONE);
      await page.goto('/notifications');
      await page.getByTestId('notification-item').first().waitFor();
      await bell.click();
      await page.getByTestId('notification-panel').getByText('Clue awaits your approval').first().waitFor();
      const width = await measureWidth(page);
      expect(width.scrollWidth).toBeLessThanOrEqual(width.innerWidth);
      await page.screenshot({ path: screenshotPath('notifications-en-390'), fullPage: true });
    } finally {
      await handler.context.close();
    }
  },
);
