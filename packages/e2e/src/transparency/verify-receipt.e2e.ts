import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { DESKTOP, PHONE, screenshotPath } from '../harness/browser.js';
import { signInFirstTime, signOut } from '../harness/console-actions.js';
import { consoleTest } from '../harness/console-test.js';
import { measureWidth } from '../layout/measure-width.js';

/** Each step's status on the verifier page, by step. */
async function stepStatuses(page: Page): Promise<Record<string, string | null>> {
  const steps = page.getByTestId('verification-steps').locator('[data-status]');
  const result: Record<string, string | null> = {};
  for (const step of await steps.all()) {
    const id = (await step.getAttribute('data-testid'))?.replace('step-', '') ?? '';
    result[id] = await step.getAttribute('data-status');
  }
  return result;
}

async function expectFits(page: Page, name: string): Promise<void> {
  for (const [label, viewport] of [
    ['1280', DESKTOP],
    ['390', PHONE],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(200); // let the layout settle after the resize
    const report = await measureWidth(page);
    expect(report.tooWide, `${name} at ${label} px`).toEqual([]);
    expect(report.scrollWidth).toBeLessThanOrEqual(report.innerWidth);
    await page.screenshot({ path: screenshotPath(`${name}-${label}`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

consoleTest(
  '[TRANSPARENCY]: an auditor downloads a receipt, the signed-out verifier page verifies it, and a tampered byte fails at inclusion',
  async ({ page, server }) => {
    // The auditor is one of the separated administrators the server creates at its first start.
    await signInFirstTime(page, 'auditor', server.passwords.auditor);
    await page.getByTestId('side-menu').getByText('审计日志').click();
    await page.waitForURL('**/audit');
    await page.locator('.ant-table-tbody tr.ant-table-row').first().click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-receipt').click()]);
    const receiptPath = await download.path();
    const receipt = JSON.parse(readFileSync(receiptPath, 'utf8')) as { entry: string; format: string };
    expect(receipt.format).toBe('qingfeng-log-receipt/v1');
    await page.keyboard.press('Escape');
    await signOut(page);

    // Signed out: the public page, in Chinese by default.
    await page.goto('/verify');
    await page.getByTestId('key-fingerprint').first().waitFor();
    expect(await page.getByTestId('key-fingerprint').first().textContent()).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    await page.getByTestId('receipt-upload').locator('..').locator('input[type=file]').setInputFiles(receiptPath);
    await page.getByTestId('verification-verdict').getByText('验证通过：该条目包含在日志签名的树头中').waitFor();
    expect(await stepStatuses(page)).toEqual({
      receipt: 'passed',
      checkpoint: 'passed',
      signatures: 'passed',
      inclusion: 'passed',
    });
    await page.getByTestId('receipt-entry').getByText('audit', { exact: true }).waitFor();
    await page.getByTestId('check-consistency').click();
    await page.getByTestId('step-consistency').getByText('与今日日志一致 · 通过').waitFor();
    await expectFits(page, 'verify-valid-zh');

    // One byte of the entry changed: the signed tree head still checks, the inclusion does not.
    const entry = Buffer.from(receipt.entry, 'base64');
    const middle = Math.floor(entry.length / 2);
    entry[middle] = (entry[middle] ?? 0) ^ 0x01;
    const tampered = JSON.stringify({ ...receipt, entry: entry.toString('base64') }, null, 2);
    await page.getByTestId('receipt-text').fill(tampered);
    await page.getByTestId('verify').click();
    await page.getByTestId('verification-verdict').getByText('验证未通过').waitFor();
    expect(await stepStatuses(page)).toEqual({
      receipt: 'passed',
      checkpoint: 'passed',
      signatures: 'passed',
      inclusion: 'failed',
    });
    expect(await page.getByTestId('step-inclusion').textContent()).toContain('条目内容或路径已被改动');
    await expect(page.getByTestId('check-consistency').count()).resolves.toBe(0);

    // The same result in English.
    await page.getByTestId('language-switch').click();
    await page.getByTestId('verification-verdict').getByText('Not verified').waitFor();
    const inclusion = await page.getByTestId('step-inclusion').textContent();
    expect(inclusion).toContain("Entry's inclusion proof · Failed");
    expect(inclusion).toContain('the entry or the path was changed');
    expect(await page.getByTestId('published-keys').textContent()).toContain('Fingerprint');
    await expectFits(page, 'verify-tampered-en');
  },
);
