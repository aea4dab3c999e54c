import { expect } from 'vitest';
import { DESKTOP, PHONE, screenshotPath } from '../harness/browser.js';
import { signInFirstTime } from '../harness/console-actions.js';
import { consoleTest } from '../harness/console-test.js';

consoleTest('[AUTH]: a user signs in and switches the console to English', async ({ page, server }) => {
  await signInFirstTime(page, 'sysadmin', server.passwords.sysadmin);

  // Chinese by default: the menu, the role from core's labels.
  expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
  await expect.poll(() => page.getByTestId('home-role').textContent()).toBe('系统管理员');
  await page.getByTestId('side-menu').getByText('用户管理').waitFor();
  await page.screenshot({ path: screenshotPath('home-1280-zh'), fullPage: true });

  await page.getByTestId('language-switch').click();
  await page.getByText('Welcome, 系统管理员').waitFor();
  await expect.poll(() => page.getByTestId('home-role').textContent()).toBe('System administrator');
  await page.getByTestId('side-menu').getByText('Users').waitFor();
  expect(await page.locator('html').getAttribute('lang')).toBe('en');

  // The choice is remembered: a reload comes back in English.
  await page.reload();
  await page.getByTestId('welcome').waitFor();
  expect(await page.getByTestId('welcome').textContent()).toBe('Welcome, 系统管理员');
  expect(await page.evaluate("localStorage.getItem('qf.lang')")).toBe('en');
  await page.screenshot({ path: screenshotPath('home-1280-en'), fullPage: true });

  // The permission-driven menu: a system administrator manages users, not the audit log.
  const menu = await page.getByTestId('side-menu').textContent();
  expect(menu).toContain('Organisations');
  expect(menu).not.toContain('Audit log');

  // On a phone the menu moves into a drawer behind a button.
  await page.setViewportSize(PHONE);
  await page.getByTestId('menu-button').waitFor();
  await page.screenshot({ path: screenshotPath('home-390-en'), fullPage: true });
  await page.getByTestId('menu-button').click();
  await page.getByTestId('side-menu').getByText('Users').waitFor();
  await page.waitForTimeout(500); // let the drawer finish sliding in
  await page.screenshot({ path: screenshotPath('home-390-menu-en') });
  await page.setViewportSize(DESKTOP);
});
