import type { Page } from 'playwright-core';

/**
 * Some pages grow once worked: the quality page draws its tables after a dataset is chosen,
 * a run shows its fifty models on request. Each is measured again in these states too, as
 * reached through the page's own controls.
 */
export const WORKING_STATES: Readonly<Record<string, readonly { name: string; act: (page: Page) => Promise<void> }[]>> =
  {
    '/data-quality': [
      {
        name: 'the first dataset chosen',
        act: async (page) => {
          await page.getByTestId('quality-dataset').click();
          await page.locator('.ant-select-dropdown .ant-select-item-option').first().click();
          await page.waitForURL((url) => url.searchParams.has('dataset'));
        },
      },
    ],
    '/model-runs': [
      {
        name: "a run's models shown",
        act: async (page) => {
          const toggle = page.locator('[data-testid$="-models-toggle"]').first();
          if (await toggle.isVisible()) await toggle.click();
        },
      },
    ],
  };
