import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { screenshotPath } from '../harness/browser.js';
import { signInAs, signOut } from '../harness/console-actions.js';
import { consoleTest } from '../harness/console-test.js';
import { seedStaff } from '../harness/seed-staff.js';
import { validId } from '../harness/identity-numbers.js';

const DEAD_EARLY = validId('19400101', '111'); // died 2024-01-10, paid in March and April: two hits
const DEAD_LATE = validId('19450202', '222'); // died 2024-03-01, paid within the 30-day grace: no hit
const ALIVE = validId('19500303', '333'); // no death record: no hit

const DEATHS = ['id,name,death_date', `${DEAD_EARLY},王老汉,2024-01-10`, `${DEAD_LATE},李大娘,2024-03-01`];
const PAYMENTS = [
  'payment_id,program,id,name,division,amount,paid_on,period',
  `P1,dibao,${DEAD_EARLY},王老汉,110101,800,2024-01-05,2024-01`,
  `P2,dibao,${DEAD_EARLY},王老汉,110101,800,2024-03-05,2024-03`,
  `P3,dibao,${DEAD_EARLY},王老汉,110101,800,2024-04-05,2024-04`,
  `P4,dibao,${DEAD_LATE},李大娘,110101,600,2024-03-10,2024-03`,
  `P5,dibao,${ALIVE},张大爷,110101,700,2024-03-05,2024-03`,
];

/** As the signed-in data administrator, imports a CSV through the import API; returns rows loaded. */
async function importCsv(page: Page, type: string, lines: string[]): Promise<number> {
  return page.evaluate(
    async ({ type, text }) => {
      const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
      const form = new FormData();
      form.append('mode', 'append');
      form.append('file', new Blob([text], { type: 'text/csv' }), `${type}.csv`);
      const response = await fetch(`/api/v1/datasets/${type}/imports`, {
        method: 'POST',
        headers: { 'x-csrf-token': me.csrfToken },
        body: form,
      });
      if (!response.ok) throw new Error(`import ${type}: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { rowsLoaded: number }).rowsLoaded;
    },
    { type, text: `${lines.join('\n')}\n` },
  );
}

/**
 * Picks an option of the antd Select inside `testId` by (part of) its visible text, typed
 * first into searchable selects, whose lists are virtual (far options are not rendered).
 * Only this select's own dropdown is searched (the one its input says it controls), and it
 * must close before the next step: a dropdown still fading out holds options too.
 */
async function choose(page: Page, testId: string, option: string, search = false): Promise<void> {
  const select = page.getByTestId(testId);
  await select.click();
  const input = select.locator('input[aria-controls]');
  await input.waitFor();
  const listId = await input.getAttribute('aria-controls');
  if (search) await page.keyboard.type(option);
  const dropdown = page.locator(`.ant-select-dropdown:has([id="${listId}"])`);
  await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
  // The select shows what was chosen; a click that landed while the list was still being
  // laid out (a busy machine) chose nothing, and is made again.
  if (!(await shows(select, option))) {
    await dropdown.locator('.ant-select-item-option').filter({ hasText: option }).first().click();
    expect(await shows(select, option), `${testId} shows ${option}`).toBe(true);
  }
  // A multiple select stays open for more; so may a single one whose click came late.
  if (await dropdown.isVisible()) await page.keyboard.press('Escape');
  await dropdown.waitFor({ state: 'hidden' });
}

/** Whether the select shows `option` as chosen, within a few seconds. */
async function shows(select: Locator, option: string): Promise<boolean> {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    // The list itself opens in a layer of its own, so the select's text is its chosen value.
    if ((await select.textContent())?.includes(option)) return true;
    await select.page().waitForTimeout(200);
  }
  return false;
}

/** In the builder: benefit payments joined with deaths on the person, paid after death + grace. */
async function buildModel(page: Page): Promise<void> {
  await page.getByTestId('side-menu').getByText('模型构建').click();
  await page.waitForURL('**/model-builder');
  await choose(page, 'source-dataset-0', '(benefit_payment)', true);
  await page.getByTestId('add-source').click();
  await choose(page, 'source-dataset-1', '(death)', true);
  await page.getByTestId('join-preset-1-subject').click();
  await page.getByTestId('join-key-1-0').waitFor();

  await page.getByTestId('add-param').click();
  const param = page.getByTestId('param-0');
  await param.getByPlaceholder('参数代码').fill('grace_days');
  await param.getByPlaceholder('默认值').fill('30');
  await param.getByPlaceholder('最小值').fill('0');
  await param.getByPlaceholder('最大值').fill('366');
  await param.getByPlaceholder('中文名称').fill('宽限天数');
  await param.getByPlaceholder('英文名称').fill('Grace period');

  await page.getByTestId('add-condition').click();
  await choose(page, 'condition-left-0', 'a.paid_on', true);
  await choose(page, 'condition-right-0', 'b.death_date', true);
  await choose(page, 'condition-days-0', '{grace_days}');

  await page.getByTestId('builder-id').fill('U01');
  await choose(page, 'builder-severity', '红色');
  await choose(page, 'builder-subject', 'a.id');
  await page.getByTestId('builder-name-zh').fill('死亡后仍发放补贴');
  await page.getByTestId('builder-name-en').fill('Benefit paid after death');
  await page.getByTestId('builder-explanation-zh').fill('{a_name}于{b_death_date}死亡，{a_paid_on}仍发放{a_amount}元');
  await page
    .getByTestId('builder-explanation-en')
    .fill('{a_name} died on {b_death_date}, yet was paid {a_amount} yuan on {a_paid_on}');
  await page.getByTestId('builder-basis-zh').fill('《社会救助暂行办法》第十四条');
  await page.getByTestId('builder-basis-en').fill('Interim Measures on Social Assistance, art. 14');
  await page.getByTestId('builder-handling-zh').fill('核实死亡信息，追回资金');
  await page.getByTestId('builder-handling-en').fill('Verify the death and recover the funds');
}

/** As the leader: opens the draft from the library, reads its preview and approves it. */
async function approveDraft(page: Page): Promise<void> {
  await page.getByTestId('side-menu').getByText('模型库').click();
  await page.getByTestId('review-U01').getByText('草稿·待审核').waitFor();
  await page.getByTestId('model-table').locator('tr.ant-table-row').filter({ hasText: 'U01' }).click();
  await page.waitForURL('**/models/U01');
  await page.getByTestId('review-card').getByText('须由另一位有审核权限的人员预览').waitFor();
  await page.getByTestId('review-preview').click();
  await page.getByTestId('preview-count').getByText('当前数据中命中 2 条').waitFor();
  expect(await page.getByTestId('preview-hits').textContent()).toContain('王老汉于2024-01-10死亡');
  await page.screenshot({ path: screenshotPath('models-review'), fullPage: true });
  await page.getByTestId('review-approve').click();
  await page.getByTestId('model-title').locator('xpath=..').getByText('已启用').waitFor();
  expect(await page.getByTestId('review-card').count()).toBe(0);
  // The history names who submitted and who approved, and when.
  await page.getByRole('tab', { name: '版本历史' }).click();
  const reviews = page.getByTestId('model-reviews');
  await reviews.getByText('审核通过').waitFor();
  expect(await reviews.textContent()).toMatch(/1审核通过lingdao.*1提交审核fenxi/);
}

consoleTest(
  '[MODELS]: an analyst builds and saves a model, a draft until the leader previews and enables it; the analyst runs it and a handler marks one of its warnings as a false positive',
  async ({ page, server }) => {
    const { shuju, fenxi, lingdao, jiandu } = await seedStaff(page, server, [
      { username: 'shuju', displayName: '赵数据', role: 'data_admin' },
      { username: 'fenxi', displayName: '钱分析', role: 'model_analyst' },
      { username: 'lingdao', displayName: '李领导', role: 'leader' },
      { username: 'jiandu', displayName: '孙监督', role: 'supervision' },
    ]);

    await signInAs(page, shuju);
    expect(await importCsv(page, 'death', DEATHS)).toBe(2);
    expect(await importCsv(page, 'benefit_payment', PAYMENTS)).toBe(5);
    await signOut(page);

    await signInAs(page, fenxi);
    await buildModel(page);
    const problemsShown = page.getByTestId('builder-problems');
    expect((await problemsShown.count()) > 0 ? await problemsShown.textContent() : '').toBe('');
    await page.getByTestId('builder-preview').click();
    await page.getByTestId('preview-count').getByText('当前数据中命中 2 条').waitFor();
    expect(await page.getByTestId('preview-hits').textContent()).toContain('王老汉于2024-01-10死亡');
    await page.screenshot({ path: screenshotPath('models-builder'), fullPage: true });

    await page.getByTestId('builder-save').click();
    await page.waitForURL('**/models/U01');
    await page.getByTestId('model-title').getByText('U01 · 死亡后仍发放补贴').waitFor();
    // Saved as a draft: it does not run until someone else has reviewed it.
    await page.getByTestId('model-review-status').getByText('草稿·待审核').waitFor();
    await page.getByTestId('review-card').getByText('这是您提交的草稿').waitFor();
    expect(await page.getByTestId('review-approve').count()).toBe(0);
    await signOut(page);

    await signInAs(page, lingdao);
    await approveDraft(page);
    await signOut(page);

    // Enabled, the model is in the analyst's run list; its red hits arrive as live notifications.
    await signInAs(page, fenxi);
    await page.getByTestId('side-menu').getByText('模型运行').click();
    await choose(page, 'run-models', 'U01 死亡后仍发放补贴', true);
    await page.getByTestId('run-start').click();
    // The run of U01 itself: the imports' automatic runs are in the table too, already finished.
    const ourRun = page.getByTestId('run-table').locator('tr.ant-table-row').filter({ hasText: 'U01' });
    await ourRun.getByText('已完成').waitFor({ timeout: 60_000 });
    expect(await ourRun.textContent()).toContain('2 / 0');
    // The model's tag tells its hits and the time it took.
    await page.getByTestId('run-table').locator('[data-testid$="-model-U01"]').first().hover();
    await page
      .getByRole('tooltip')
      .getByText(/命中 2 条，用时 \d+ 毫秒/)
      .waitFor();
    await page.getByTestId('live-warning-link').first().waitFor();
    await page.goto('/'); // closes the notifications, which cover the user menu
    await signOut(page);

    // A supervision handler (warning.handle) judges one of the warnings.
    await signInAs(page, jiandu);
    await page.getByTestId('side-menu').getByText('预警管理').click();
    await page.waitForURL('**/warnings');
    // Importing the payments also ran the built-in W01 on them (one warning for both months after
    // the death: one per problem); two warnings are the new model's, one per payment.
    const rows = page.getByTestId('warning-table').locator('tr.ant-table-row');
    await rows.nth(2).waitFor();
    const ours = rows.filter({ hasText: 'U01' });
    expect(await ours.count()).toBe(2);
    await page.screenshot({ path: screenshotPath('models-warnings'), fullPage: true });
    await ours.first().click();
    await page.waitForURL('**/warnings/*');
    await page.getByTestId('evidence-benefit_payment').waitFor();
    expect(await page.getByTestId('evidence-death').textContent()).not.toContain(DEAD_EARLY); // masked

    await page.getByTestId('mark-false_positive').click();
    await page.getByTestId('status-confirm').click();
    await page.getByText('请填写理由').waitFor(); // the reason is required
    await page.getByTestId('status-reason').fill('经核实为补发的生前待遇，不属于冒领');
    await page.getByTestId('status-confirm').click();
    await page.getByTestId('warning-status').getByText('误报').waitFor();
    expect(await page.getByTestId('warning-events').textContent()).toContain('经核实为补发的生前待遇');
    await page.locator('.ant-modal-mask').waitFor({ state: 'hidden' });
    await page.screenshot({ path: screenshotPath('models-warning-detail'), fullPage: true });
  },
);
