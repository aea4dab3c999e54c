import type { Page } from 'playwright-core';

/**
 * Steps through the console as a person would, in its default language (Chinese). Each
 * waits for the page the step leads to, so tests read as the story they tell.
 */

/** A password that satisfies the policy (length, four classes) and is new each call. */
export function strongPassword(): string {
  return `Qf-${Math.random().toString(36).slice(2, 8)}-${Date.now() % 100000}-Zx!`;
}

export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** On the forced change-password page: changes the password and waits for the home page. */
export async function changeForcedPassword(page: Page, current: string, next: string): Promise<void> {
  await page.waitForURL('**/change-password');
  await page.getByLabel('当前密码').fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('确认新密码').fill(next);
  await page.getByRole('button', { name: '修改密码' }).click();
  await waitForHome(page);
}

export async function waitForHome(page: Page): Promise<void> {
  await page.waitForURL((url) => url.pathname === '/');
  await page.getByTestId('welcome').waitFor();
}

/** Signs in with a first (temporary) password and replaces it; returns the new password. */
export async function signInFirstTime(page: Page, username: string, temporary: string): Promise<string> {
  const next = strongPassword();
  await signIn(page, username, temporary);
  await changeForcedPassword(page, temporary, next);
  return next;
}

/** Signs in a user whose password needs no change (seedStaff's) and waits for the home page. */
export async function signInAs(page: Page, user: { username: string; password: string }): Promise<void> {
  await signIn(page, user.username, user.password);
  await waitForHome(page);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: '退出登录' }).click();
  await page.waitForURL('**/sign-in');
}
