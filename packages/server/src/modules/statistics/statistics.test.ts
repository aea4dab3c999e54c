import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WarningSeverity, WarningStatus } from '../../db/schema.js';
import { ensureModelRegistry } from '../models/registry/model-registry.js';
import type { TestActor } from '../../testing/org-factories.js';
import { testEngines } from '../../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../../testing/test-platform.js';
import { buildCounties } from '../../testing/warnings-fixture.js';
import type { TOverview } from './statistics.schemas.js';

/*
 * The overview's figures on a small set of warnings in two sibling counties: each figure is
 * what was planted, a county's leader sees only their county, and every figure equals the
 * total of the warning list filtered as the console links it.
 */

const DAY = 86_400_000;
const CHENGGUAN = { zh: '城关镇', en: 'Chengguan Town' };
type Overview = Omit<TOverview, 'asOf'> & { asOf: string };

interface Planted {
  model: string;
  severity: WarningSeverity;
  status: WarningStatus;
  division: string;
  daysAgo: number;
  retired?: boolean;
}

const PLANTED: Planted[] = [
  { model: 'W01', severity: 'red', status: 'new', division: '330106001001', daysAgo: 60 },
  { model: 'W01', severity: 'red', status: 'confirmed', division: '330106001001', daysAgo: 60 },
  { model: 'P01', severity: 'orange', status: 'under_review', division: '330106001002', daysAgo: 0 },
  { model: 'W01', severity: 'yellow', status: 'confirmed', division: '330106002001', daysAgo: 0 },
  // Retired: the list leaves it out, so does the overview.
  { model: 'W01', severity: 'red', status: 'confirmed', division: '330106001001', daysAgo: 0, retired: true },
  // Placed at the county only: counted, but in no town.
  { model: 'W01', severity: 'red', status: 'new', division: '330106000000', daysAgo: 0 },
  { model: 'W01', severity: 'red', status: 'false_positive', division: '330106001001', daysAgo: 0 },
  { model: 'W01', severity: 'red', status: 'new', division: '330108001001', daysAgo: 60 },
  { model: 'W01', severity: 'red', status: 'confirmed', division: '330108001001', daysAgo: 0 },
];

const PLACES = [
  ['330106001000', '城关镇'],
  ['330106001001', '东风村'],
  ['330106001002', '红旗村'],
  ['330106002000', '新桥镇'],
  ['330106002001', '前进村'],
  ['330108001000', '河口镇'],
  ['330108001001', '河口村'],
] as const;

/** The warning list's query for each figure of the overview, as the console links it, with the figure. */
function linksOf(overview: Overview): { query: string; count: number }[] {
  const w = overview.warnings;
  if (!w) return [];
  return [
    ...w.byStatus.map((s) => ({ query: `status=${s.status}`, count: s.count })),
    ...w.bySeverity.map((s) => ({ query: `severity=${s.severity}&status=${s.status}`, count: s.count })),
    ...w.byCategory.map((c) => ({ query: `category=${c.category}&status=${c.status}`, count: c.count })),
    ...w.byTown.map((t) => ({ query: `division=${t.division}&status=${t.status}`, count: t.count })),
    ...w.trend.flatMap((m) => [
      { query: `from=${m.from}&to=${m.to}`, count: m.found },
      { query: `from=${m.from}&to=${m.to}&status=confirmed`, count: m.confirmed },
      { query: `from=${m.from}&to=${m.to}&status=false_positive`, count: m.falsePositive },
    ]),
    ...w.overdue.byStatus.map((s) => ({ query: `to=${w.overdue.before}&status=${s.status}`, count: s.count })),
    ...[...w.mostConfirmed.towns, ...w.mostConfirmed.villages].map((p) => ({
      query: `division=${p.division}&status=confirmed`,
      count: p.count,
    })),
  ];
}

for (const engine of testEngines()) {
  describe(`the overview's statistics (${engine})`, () => {
    let platform: TestPlatform;
    let leaderA: TestActor;
    let leaderB: TestActor;
    let dataAdminA: TestActor;
    let trialA: TestActor;

    async function overview(actor: TestActor): Promise<Overview> {
      const response = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/statistics/overview',
        headers: actor.session.headers,
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<Overview>();
    }

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      const world = await buildCounties(platform);
      leaderA = await world.actor('leader', world.countyA);
      leaderB = await world.actor('leader', world.countyB);
      dataAdminA = await world.actor('data_admin', world.countyA);
      trialA = await world.actor('trial', world.countyA);
      const db = platform.services.database.db;
      await ensureModelRegistry(platform.services);
      await db
        .insertInto('divisions')
        .values(
          PLACES.map(([code, name]) => ({
            code,
            name,
            level: code.endsWith('000') ? 'township' : 'village',
            parent_code: null,
          })),
        )
        .onConflict((oc) => oc.column('code').doNothing())
        .execute();
      const now = Date.now();
      await db
        .insertInto('warnings')
        .values(
          PLANTED.map((w, i) => ({
            hit_key: `hit-${i}`,
            model_id: w.model,
            model_version: 1,
            severity: w.severity,
            status: w.status,
            division_code: w.division,
            subject_key: null,
            subject_keys: JSON.stringify([]),
            facts: JSON.stringify({}),
            explanation_zh: '测试',
            explanation_en: 'test',
            first_seen_at: new Date(now - w.daysAgo * DAY),
            last_seen_at: new Date(now - w.daysAgo * DAY),
            retired_at: w.retired ? new Date(now) : null,
            retired_reason: w.retired ? 'no_longer_found' : null,
          })),
        )
        .execute();
      for (const [division, finished] of [
        ['330106000000', new Date(now - 2 * DAY)],
        ['330106000000', new Date(now - DAY)],
        ['330108000000', new Date(now)],
      ] as const) {
        await db
          .insertInto('import_batches')
          .values({
            dataset_type: 'death',
            file_name: 'deaths.csv',
            content_hash: `${division}${finished.getTime()}`.padEnd(64, '0'),
            format: 'csv',
            mode: 'append',
            status: 'loaded',
            finished_at: finished,
            division_code: division,
          })
          .execute();
      }
    });
    afterAll(async () => platform?.close());

    it("counts a county's open warnings by status, severity, category, town and age", async () => {
      const w = (await overview(leaderA)).warnings;
      expect(w).not.toBeNull();
      if (!w) return;
      const byStatus = Object.fromEntries(w.byStatus.map((s) => [s.status, s.count]));
      expect(byStatus).toEqual({ new: 2, under_review: 1, confirmed: 2, false_positive: 1 });
      expect(w.bySeverity).toEqual(
        expect.arrayContaining([
          { severity: 'red', status: 'new', count: 2 },
          { severity: 'orange', status: 'under_review', count: 1 },
        ]),
      );
      expect(w.bySeverity).toHaveLength(2);
      // In the library's order: livelihood funds (W) before public officials (P).
      expect(w.byCategory.map((c) => [c.category, c.status, c.count])).toEqual([
        ['W', 'new', 2],
        ['P', 'under_review', 1],
      ]);
      expect(w.byCategory[0]?.label.zh).toBe('惠民惠农资金');
      expect(w.byTown).toEqual(
        expect.arrayContaining([
          { division: '330106001', name: CHENGGUAN, status: 'new', count: 1 },
          { division: '330106001', name: CHENGGUAN, status: 'under_review', count: 1 },
        ]),
      );
      expect(w.byTown).toHaveLength(2);
      expect(w.overdue.days).toBe(30);
      expect(w.overdue.byStatus).toEqual([
        { status: 'new', count: 1 },
        { status: 'under_review', count: 0 },
      ]);
      expect(w.mostConfirmed.villages).toEqual([
        { division: '330106001001', name: { zh: '城关镇东风村', en: 'Dongfeng Village, Chengguan Town' }, count: 1 },
        { division: '330106002001', name: { zh: '新桥镇前进村', en: 'Qianjin Village, Xinqiao Town' }, count: 1 },
      ]);
      expect(w.mostConfirmed.towns.map((t) => t.name?.zh)).toEqual(['城关镇', '新桥镇']);
      expect(w.trend).toHaveLength(12);
      const total = w.trend.reduce(
        (sum, m) => ({
          found: sum.found + m.found,
          confirmed: sum.confirmed + m.confirmed,
          fp: sum.fp + m.falsePositive,
        }),
        { found: 0, confirmed: 0, fp: 0 },
      );
      expect(total).toEqual({ found: 6, confirmed: 2, fp: 1 });
      expect(w.trend.at(-1)).toMatchObject({ found: 4, confirmed: 1, falsePositive: 1 });
    });

    it("shows each county's leader their own county only", async () => {
      const w = (await overview(leaderB)).warnings;
      expect(Object.fromEntries(w?.byStatus.map((s) => [s.status, s.count]) ?? [])).toEqual({ new: 1, confirmed: 1 });
      expect(w?.overdue.byStatus[0]).toEqual({ status: 'new', count: 1 });
      expect(w?.mostConfirmed.villages).toEqual([
        { division: '330108001001', name: { zh: '河口镇河口村', en: 'Hekou Village, Hekou Town' }, count: 1 },
      ]);
      expect(w?.byTown.map((t) => t.division)).toEqual(['330108001']);
    });

    it('equals, figure by figure, the total of the warning list it links to', async () => {
      for (const leader of [leaderA, leaderB]) {
        const links = linksOf(await overview(leader));
        expect(links.length).toBeGreaterThan(20);
        for (const { query, count } of links) {
          const response = await platform.app.inject({
            method: 'GET',
            url: `/api/v1/warnings?pageSize=1&${query}`,
            headers: leader.session.headers,
          });
          expect(response.statusCode, response.body).toBe(200);
          expect(response.json<{ total: number }>().total, query).toBe(count);
        }
      }
    });

    it("gives each county's data freshness and the models each dataset feeds", async () => {
      const a = (await overview(leaderA)).freshness;
      expect(a?.map((f) => [f.datasetType, f.batches])).toEqual([['death', 2]]);
      expect(a?.[0]?.models.map((m) => m.id)).toEqual(expect.arrayContaining(['W01', 'P01']));
      const b = (await overview(leaderB)).freshness;
      expect(b?.map((f) => [f.datasetType, f.batches])).toEqual([['death', 1]]);
      expect(new Date(b?.[0]?.lastLoadedAt ?? 0).getTime()).toBeGreaterThan(
        new Date(a?.[0]?.lastLoadedAt ?? 0).getTime(),
      );
    });

    it('gives each role only the sections it may read, and none to a role without the overview', async () => {
      const denied = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/statistics/overview',
        headers: dataAdminA.session.headers,
      });
      expect(denied.statusCode).toBe(403);
      // The trial chamber may open the overview but reads neither warnings nor datasets.
      const trial = await overview(trialA);
      expect(trial.warnings).toBeNull();
      expect(trial.freshness).toBeNull();
    });
  });
}
