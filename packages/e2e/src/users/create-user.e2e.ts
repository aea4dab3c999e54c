import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import {
  changeForcedPassword,
  signIn,
  signInFirstTime,
  signOut,
  strongPassword,
  waitForHome,
} from '../harness/console-actions.js';
import { consoleTest } from '../harness/console-test.js';

/** Fills the create-user modal and returns the temporary password it shows once. */
async function createUser(page: Page, user: { username: string; displayName: string; org: string; role: string }) {
  await page.getByTestId('side-menu').getByText('用户管理').click();
  await page.getByTestId('create-user').click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('用户名').fill(user.username);
  await dialog.getByLabel('姓名').fill(user.displayName);
  await dialog.getByLabel('机构').click();
  await page.locator('.ant-select-tree').getByTitle(user.org, { exact: true }).click();
  await dialog.getByLabel('角色').click();
  await page.locator('.ant-select-item-option').getByText(user.role, { exact: true }).click();
  // On a busy machine the dropdown can still cover the buttons after the choice: wait until
  // the role shows as chosen, then focus another field, which closes it.
  await dialog.getByTestId('user-role').getByTitle(user.role, { exact: true }).waitFor();
  await dialog.getByLabel('用户名').click();
  await dialog.getByRole('button', { name: '保存' }).click();
  const shown = page.getByTestId('temporary-password');
  await shown.waitFor();
  const password = (await shown.textContent())?.trim() ?? '';
  await page.getByTestId('temporary-password-close').click();
  return password;
}

/** Filters the audit viewer by action (and user) and returns the table's text. */
async function auditRows(page: Page, filter: { action: string; username?: string }): Promise<string> {
  const filters = page.getByTestId('audit-filters');
  await filters.getByLabel('用户').fill(filter.username ?? '');
  await filters.getByLabel('操作').fill(filter.action);
  await page.keyboard.press('Escape');
  await filters.getByRole('button', { name: '查询' }).click();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await rows.filter({ hasText: filter.action }).first().waitFor();
  return (await page.locator('.ant-table-tbody').textContent()) ?? '';
}

consoleTest(
  '[USERS]: an administrator creates a user, who must change the password at first sign-in, and the auditor sees both events',
  async ({ page, server }) => {
    await signInFirstTime(page, 'sysadmin', server.passwords.sysadmin);
    const temporary = await createUser(page, {
      username: 'zhangwei',
      displayName: '张伟',
      org: '纪委监委',
      role: '监督检查',
    });
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    await page.locator('.ant-table-tbody').getByText('zhangwei', { exact: true }).waitFor();
    await signOut(page);

    // The new user cannot reach the console before choosing their own password.
    await signIn(page, 'zhangwei', temporary);
    await page.waitForURL('**/change-password');
    await page.goto('/users');
    await page.waitForURL('**/change-password');
    await page.getByTestId('password-policy').getByText('不能与最近 5 次使用过的密码相同').waitFor();
    await changeForcedPassword(page, temporary, strongPassword());
    expect(await page.getByTestId('welcome').textContent()).toBe('欢迎，张伟');
    expect(await page.getByTestId('home-role').textContent()).toBe('监督检查');
    await signOut(page);

    await signInFirstTime(page, 'auditor', server.passwords.auditor);
    await page.getByTestId('side-menu').getByText('审计日志').click();
    await page.waitForURL('**/audit');
    const created = await auditRows(page, { action: 'user.create', username: 'sysadmin' });
    expect(created).toContain('sysadmin');
    const changed = await auditRows(page, { action: 'auth.password_change', username: 'zhangwei' });
    expect(changed).toContain('zhangwei');

    // The detail drawer shows the whole entry.
    await page.locator('.ant-table-tbody tr.ant-table-row').first().click();
    await page.getByRole('dialog').getByText('日志详情').waitFor();
    await waitForHomeLink(page);
  },
);

/** Closes the drawer and returns home through the menu, proving navigation still works. */
async function waitForHomeLink(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByTestId('side-menu').getByText('首页').click();
  await waitForHome(page);
}
