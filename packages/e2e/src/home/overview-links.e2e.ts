import { expect } from 'vitest';
import { PHONE, screenshotPath } from '../harness/browser.js';
import { signInAs, signOut } from '../harness/console-actions.js';
import { callApi, importCsvThroughApi } from '../harness/console-api.js';
import { consoleTest } from '../harness/console-test.js';
import { seedStaff } from '../harness/seed-staff.js';
import { validId } from '../harness/identity-numbers.js';
import { measureWidth } from '../layout/measure-width.js';

// Three people paid after their deaths, in two villages of two towns: three W01 warnings.
const DEAD = [
  { id: validId('19380505', '611'), village: '110101001001' },
  { id: validId('19390606', '622'), village: '110101001001' },
  { id: validId('19400707', '633'), village: '110101002001' },
];

consoleTest(
  "[OVERVIEW]: the leader's overview links every figure to the warning list that counts it, and fits a phone",
  async ({ page, server }) => {
    const { shuju, jiandu, lingdao } = await seedStaff(page, server, [
      { username: 'shuju', displayName: '赵数据', role: 'data_admin' },
      { username: 'jiandu', displayName: '孙监督', role: 'supervision' },
      { username: 'lingdao', displayName: '钱领导', role: 'leader' },
    ]);

    await signInAs(page, shuju);
    const deaths = DEAD.map((d, i) => `${d.id},逝者${i},2024-01-10,${d.village}`);
    expect(await importCsvThroughApi(page, 'death', ['id,name,death_date,division', ...deaths])).toBe(3);
    const payments = DEAD.map((d, i) => `Q${i},dibao,${d.id},逝者${i},${d.village},800,2024-03-05,2024-03`);
    const header = 'payment_id,program,id,name,division,amount,paid_on,period';
    expect(await importCsvThroughApi(page, 'benefit_payment', [header, ...payments])).toBe(3);
    await signOut(page);

    // The handler confirms one of them, so the overview has a confirmed problem to place.
    await signInAs(page, jiandu);
    let items: { id: number }[] = [];
    for (let tries = 0; items.length < 3 && tries < 60; tries += 1) {
      items = ((await callApi(page, 'GET', '/api/v1/warnings?model=W01')) as { items: { id: number }[] }).items;
      if (items.length < 3) await page.waitForTimeout(1000);
    }
    expect(items).toHaveLength(3);
    await callApi(page, 'POST', `/api/v1/warnings/${(items[0] as { id: number }).id}/status`, { status: 'confirmed' });
    await signOut(page);

    await signInAs(page, lingdao);
    await page.getByTestId('overview-severity-figures').waitFor();
    const links = await page
      .getByTestId('figure-link')
      .evaluateAll((elements) =>
        elements.map((e) => ({ href: e.getAttribute('href') ?? '', count: Number(e.getAttribute('data-count')) })),
      );
    const hrefs = links.map((l) => l.href);
    // Status, severity, category, town, trend and most-confirmed (town and village) figures are all there.
    for (const part of [
      'status=new',
      'severity=red',
      'category=W',
      'division=110101001',
      'from=',
      'status=confirmed&division=110101',
    ])
      expect(
        hrefs.some((h) => h.includes(part)),
        part,
      ).toBe(true);
    for (const { href, count } of links) {
      expect(href.startsWith('/warnings')).toBe(true);
      const query = href.slice('/warnings'.length).replace(/^\?/, '');
      const { total } = (await callApi(page, 'GET', `/api/v1/warnings?pageSize=1&${query}`)) as { total: number };
      expect(total, href).toBe(count);
    }
    expect(links.find((l) => l.href === '/warnings?status=new')?.count).toBe(2);
    expect(hrefs.filter((h) => /status=confirmed&division=\d{12}$/.test(h))).toHaveLength(1);

    // A figure under a chart opens the list behind it.
    const town = page.getByTestId('overview-town-figures').getByTestId('figure-link').first();
    const townHref = await town.getAttribute('href');
    await town.click();
    await page.waitForURL((url) => `${url.pathname}${url.search}` === townHref);
    await page.getByTestId('warning-table').waitFor();
    await page.goBack();
    await page.getByTestId('overview').waitFor();

    // At a phone's width, nothing on the overview is wider than the window.
    await page.getByTestId('overview-trend-chart').waitFor();
    await page.setViewportSize(PHONE);
    await page.waitForTimeout(500);
    const width = await measureWidth(page);
    expect(width.tooWide, JSON.stringify(width)).toEqual([]);
    await page.screenshot({ path: screenshotPath('overview-phone'), fullPage: true });
  },
);
