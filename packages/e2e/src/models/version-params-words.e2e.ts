import { expect } from 'vitest';
import { screenshotPath } from '../harness/browser.js';
import { signInAs } from '../harness/console-actions.js';
import { callApi } from '../harness/console-api.js';
import { consoleTest } from '../harness/console-test.js';
import { seedStaff } from '../harness/seed-staff.js';

consoleTest(
  "[MODELS]: a model's version history shows each parameter by its label and its value in words, not JSON",
  async ({ page, server }) => {
    const { fenxi } = await seedStaff(page, server, [
      { username: 'fenxi', displayName: '钱分析', role: 'model_analyst' },
    ]);
    await signInAs(page, fenxi);
    await callApi(page, 'PUT', '/api/v1/models/W14/parameters', {
      params: { programs: ['farmland'], unit_rate: 120, tolerance_pct: 15 },
      reason: '调整补贴标准',
    });
    await page.goto(new URL('/models/W14', page.url()).href);
    await page.getByRole('tab', { name: '版本历史' }).click();
    const versions = page.getByTestId('model-versions');
    await versions.getByText('调整补贴标准').waitFor();
    const newest = versions.locator('tr.ant-table-row').filter({ hasText: '调整补贴标准' });
    const text = (await newest.getByTestId('version-params').textContent()) ?? '';
    expect(text).toContain('每亩补贴标准：120元');
    expect(text).toContain('允许超出比例：15%');
    expect(text).toContain('适用项目：耕地地力保护补贴');
    expect(text).not.toMatch(/[{}"]|farmland|unit_rate/);
    await page.screenshot({ path: screenshotPath('model-version-params'), fullPage: true });
  },
);
