import type { Locator, Page } from 'playwright-core';

/** Picks `option` in the antd select at `select` (a test id, or the select's own locator). */
export async function choose(page: Page, select: string | Locator, option: string): Promise<void> {
  await (typeof select === 'string' ? page.getByTestId(select) : select).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: option })
    .first()
    .click();
}

/** Opens a step's form from a clue or case page, lets `fill` complete it, sends it, and waits for the form to close. */
export async function takeStep(page: Page, action: string, fill: () => Promise<void> = async () => {}): Promise<void> {
  await page.getByTestId(`step-${action}`).click();
  await page.getByTestId('step-form').waitFor();
  await fill();
  await page.getByTestId('step-submit').click();
  await page.getByTestId('step-form').waitFor({ state: 'detached' });
}

/** Gives a step form one attachment (hashed in the browser) and waits until it is listed. */
export async function attach(page: Page, name: string): Promise<void> {
  await page.getByTestId('attachment-file').setInputFiles({
    name,
    mimeType: 'application/pdf',
    buffer: Buffer.from(`%PDF-1.4 ${name}`),
  });
  await page.getByText(name).waitFor();
}
