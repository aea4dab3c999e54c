import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_ROLE_PERMISSIONS, ROLES, grantsAccess, type Role, type RouteAccess } from '@qingfeng/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation } from '../db/schema.js';
import { createApiKey } from '../modules/api-keys/api-keys.service.js';
import { systemActor } from '../modules/audit/audit.service.js';
import { importDatasetFile } from '../modules/datasets/import/import.service.js';
import { makeIdNumber } from '../testing/test-data.js';
import { getRun, startRun } from '../modules/models/runs/model-runs.service.js';
import { cliScope } from '../modules/organisations/scope.js';
import { buildOrganisation } from '../testing/factories.js';
import { buildActor, type TestActor } from '../testing/org-factories.js';
import { testEngines } from '../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';

/**
 * Walks every GET route of the route table with users of two sibling counties. Everything
 * is created in county A: organisations, users, an API key, batches (one with rejected
 * rows, one of a dataset with no division field), a county run and its warnings, audit
 * entries. A county-B user holding the route's permission must get 404 for each of A's
 * objects and, from every list, nothing of A: no id, no name, no code, no count. Every
 * object of A carries one random tag in its names, so a leak of any of them shows as the
 * tag in a response. Routes that are not jurisdiction-bound are listed with the reason; a
 * new GET route fails the walk until it is classified here.
 */

/** What county A made, for the probes to ask for. */
interface CountyA {
  tag: string;
  divisionPrefix: string;
  orgIds: number[];
  userIds: number[];
  apiKeyIds: number[];
  batchIds: number[];
  /** A row of A's without a division of its own, and one with A's division. */
  rows: { type: string; batchId: number; rowNo: number }[];
  runIds: number[];
  warningIds: number[];
  /** The people A's warnings name. */
  subjectKeys: number[];
  /** Transparency log entries recording A's audit rows and batches. */
  logIndices: number[];
  /** The same entries by what they logged: `kind/source id`. */
  logSources: string[];
  /** A clue made of one of A's warnings, registered, and one from scratch. */
  clueIds: number[];
  /** A case proposed directly, not from a clue. */
  caseIds: number[];
}

type Probe =
  /** Not bound to a jurisdiction; the reason says why nothing of a county can be read through it. */
  | { kind: 'unbound'; reason: string }
  /** Each URL names one of A's objects: B gets 404. */
  | { kind: 'read'; urls: (a: CountyA) => string[] }
  /** Each URL lists or counts: B gets 200 with nothing of A (`ids`: A's ids the items must not carry; `check`: counts). */
  | {
      kind: 'list';
      urls: (a: CountyA) => string[];
      ids?: (a: CountyA) => number[];
      check?: (body: unknown) => void;
    };

const items = (body: unknown) => (body as { items: Record<string, unknown>[] }).items;

const PROBES: Record<string, Probe> = {
  '/api/v1/auth/me': { kind: 'unbound', reason: "the caller's own account" },
  '/api/v1/roles': { kind: 'unbound', reason: 'the role catalogue: names and permissions, the same everywhere' },
  '/api/v1/security-policies': { kind: 'unbound', reason: "the deployment's password and session policy" },
  // One's own requests; the approvers' list by county is walked in modules/approvals/approvals.test.ts.
  '/api/v1/approvals': { kind: 'list', urls: () => ['/api/v1/approvals?view=mine'] },
  '/api/v1/divisions': { kind: 'unbound', reason: 'the GB/T 2260 division register, public reference data' },
  '/api/v1/catalogue/datasets': { kind: 'unbound', reason: 'the data standard and custom types: definitions, no rows' },
  '/api/v1/catalogue/mapping-templates/:type': {
    kind: 'unbound',
    reason: "the deployment's saved header mappings: column names of department files, no values",
  },
  '/api/v1/models': {
    kind: 'unbound',
    reason:
      'the model registry: documents and parameters, no hits or counts; drafts only in their jurisdiction (model-review.test.ts)',
  },
  '/api/v1/models/:id': { kind: 'unbound', reason: 'one model document and its versions, no hits or counts' },
  '/api/v1/transparency/checkpoint': {
    kind: 'unbound',
    reason: "the log's signed tree head: a size and a root hash, public by design",
  },
  '/api/v1/transparency/keys': { kind: 'unbound', reason: "the log's public keys" },
  '/api/v1/transparency/consistency': {
    kind: 'unbound',
    reason: 'hashes of perfect subtrees of the whole log: no entry, no content, nothing of a county',
  },
  '/api/v1/transparency/entries/:index': {
    kind: 'read',
    urls: (a) => a.logIndices.map((i) => `/api/v1/transparency/entries/${i}`),
  },
  '/api/v1/transparency/entries/:index/inclusion': {
    kind: 'read',
    urls: (a) => a.logIndices.map((i) => `/api/v1/transparency/entries/${i}/inclusion`),
  },
  '/api/v1/transparency/entries/:index/receipt': {
    kind: 'read',
    urls: (a) => a.logIndices.map((i) => `/api/v1/transparency/entries/${i}/receipt`),
  },
  '/api/v1/transparency/receipts/:kind/:sourceId': {
    kind: 'read',
    urls: (a) => a.logSources.map((source) => `/api/v1/transparency/receipts/${source}`),
  },
  '/api/v1/notifications/stream': {
    kind: 'unbound',
    reason:
      "the caller's own live notifications (text/event-stream), checked per event for jurisdiction and permission: notifications-stream.test.ts",
  },
  // The caller's own notifications and tasks: nothing of A may reach a county-B user through them.
  '/api/v1/notifications': { kind: 'list', urls: () => ['/api/v1/notifications?limit=100'] },
  '/api/v1/inbox': { kind: 'list', urls: () => ['/api/v1/inbox'] },

  '/api/v1/organisations': { kind: 'list', urls: () => ['/api/v1/organisations'], ids: (a) => a.orgIds },
  '/api/v1/organisations/:id': { kind: 'read', urls: (a) => a.orgIds.map((id) => `/api/v1/organisations/${id}`) },
  '/api/v1/users': { kind: 'list', urls: () => ['/api/v1/users?pageSize=200'], ids: (a) => a.userIds },
  '/api/v1/users/:id': { kind: 'read', urls: (a) => a.userIds.map((id) => `/api/v1/users/${id}`) },
  '/api/v1/users/:id/phone': {
    kind: 'read',
    urls: (a) => a.userIds.map((id) => `/api/v1/users/${id}/phone?reason=${encodeURIComponent('核实联系方式')}`),
  },
  '/api/v1/api-keys': { kind: 'list', urls: () => ['/api/v1/api-keys'], ids: (a) => a.apiKeyIds },
  '/api/v1/api-keys/:id': { kind: 'read', urls: (a) => a.apiKeyIds.map((id) => `/api/v1/api-keys/${id}`) },
  '/api/v1/audit': { kind: 'list', urls: () => ['/api/v1/audit?pageSize=200'] },
  '/api/v1/audit/export': { kind: 'list', urls: () => ['/api/v1/audit/export'] },

  '/api/v1/datasets': {
    kind: 'list',
    urls: () => ['/api/v1/datasets'],
    check: (body) => {
      for (const d of items(body)) expect(d, 'a count of county A').toMatchObject({ rowCount: 0, lastLoadedAt: null });
    },
  },
  '/api/v1/datasets/:type': {
    kind: 'list',
    urls: (a) => a.rows.map((r) => `/api/v1/datasets/${r.type}`),
    check: (body) => expect(body).toMatchObject({ rowCount: 0, lastLoadedAt: null }),
  },
  '/api/v1/datasets/:type/rows': {
    kind: 'list',
    urls: (a) => a.rows.map((r) => `/api/v1/datasets/${r.type}/rows?pageSize=200`),
    check: (body) => expect(body).toMatchObject({ total: 0, items: [] }),
  },
  '/api/v1/datasets/:type/quality': {
    kind: 'list',
    urls: (a) => a.rows.map((r) => `/api/v1/datasets/${r.type}/quality?refresh=true`),
    check: (body) => expect(body).toMatchObject({ rows: 0, batches: { count: 0, rowsRead: 0, rowsRejected: 0 } }),
  },
  '/api/v1/datasets/:type/rows/:batchId/:rowNo/lineage': {
    kind: 'read',
    urls: (a) => a.rows.map((r) => `/api/v1/datasets/${r.type}/rows/${r.batchId}/${r.rowNo}/lineage`),
  },
  '/api/v1/batches': { kind: 'list', urls: () => ['/api/v1/batches?pageSize=200'], ids: (a) => a.batchIds },
  '/api/v1/batches/:id': { kind: 'read', urls: (a) => a.batchIds.map((id) => `/api/v1/batches/${id}`) },
  '/api/v1/batches/:id/quality': {
    kind: 'read',
    urls: (a) => a.batchIds.map((id) => `/api/v1/batches/${id}/quality`),
  },
  '/api/v1/batches/:id/rejected': {
    kind: 'read',
    urls: (a) => a.batchIds.map((id) => `/api/v1/batches/${id}/rejected`),
  },

  '/api/v1/batches/:id/rejected/lines': {
    kind: 'read',
    urls: (a) => a.batchIds.map((id) => `/api/v1/batches/${id}/rejected/lines`),
  },
  '/api/v1/people/:subjectKey': {
    kind: 'read',
    urls: (a) => a.subjectKeys.map((key) => `/api/v1/people/${key}`),
  },

  '/api/v1/model-runs': { kind: 'list', urls: () => ['/api/v1/model-runs?pageSize=200'], ids: (a) => a.runIds },
  '/api/v1/model-runs/:id': { kind: 'read', urls: (a) => a.runIds.map((id) => `/api/v1/model-runs/${id}`) },
  '/api/v1/warnings': {
    kind: 'list',
    urls: () => ['/api/v1/warnings?pageSize=200', '/api/v1/warnings?pageSize=200&retired=include'],
    ids: (a) => a.warningIds,
    check: (body) => expect(body).toMatchObject({ total: 0 }),
  },
  '/api/v1/warnings/:id': { kind: 'read', urls: (a) => a.warningIds.map((id) => `/api/v1/warnings/${id}`) },
  '/api/v1/warnings/export': {
    kind: 'list',
    urls: () => ['/api/v1/warnings/export?format=json', '/api/v1/warnings/export?format=csv'],
    check: (body) => {
      if (Array.isArray(body)) expect(body).toEqual([]);
    },
  },
  '/api/v1/warnings/stats': {
    kind: 'list',
    urls: () => ['/api/v1/warnings/stats'],
    check: (body) => {
      // Every figure of every model is county A's or nobody's: B must read only zeros.
      const figures = JSON.stringify(body).match(/"(?!month)[a-zA-Z]+":[1-9]\d*/g) ?? [];
      expect(figures).toEqual([]);
    },
  },
  '/api/v1/clues': {
    kind: 'list',
    urls: () => ['/api/v1/clues?limit=200', '/api/v1/clues?limit=200&state=registered'],
    ids: (a) => a.clueIds,
    check: (body) => expect(body).toMatchObject({ items: [] }),
  },
  '/api/v1/clues/overdue': {
    kind: 'list',
    urls: () => ['/api/v1/clues/overdue'],
    ids: (a) => a.clueIds,
    check: (body) => expect(body).toMatchObject({ items: [] }),
  },
  '/api/v1/clues/participants': {
    kind: 'list',
    urls: () => ['/api/v1/clues/participants'],
    ids: (a) => a.userIds,
  },
  '/api/v1/clues/problem-types': { kind: 'unbound', reason: "the deployment's taxonomy of problem types, no clue" },
  '/api/v1/clues/by-warning/:id': {
    kind: 'list',
    urls: (a) => a.warningIds.map((id) => `/api/v1/clues/by-warning/${id}`),
    check: (body) => expect(body).toEqual({ clueId: null }),
  },
  '/api/v1/clues/warning-subjects': {
    kind: 'read',
    urls: (a) => a.warningIds.map((id) => `/api/v1/clues/warning-subjects?warningIds=${id}`),
  },
  '/api/v1/clues/:id': { kind: 'read', urls: (a) => a.clueIds.map((id) => `/api/v1/clues/${id}`) },
  '/api/v1/clues/:id/related': { kind: 'read', urls: (a) => a.clueIds.map((id) => `/api/v1/clues/${id}/related`) },
  '/api/v1/cases': {
    kind: 'list',
    urls: () => ['/api/v1/cases?limit=200', '/api/v1/cases?limit=200&state=filing_proposed'],
    ids: (a) => a.caseIds,
    check: (body) => expect(body).toMatchObject({ items: [] }),
  },
  '/api/v1/cases/overdue': {
    kind: 'list',
    urls: () => ['/api/v1/cases/overdue'],
    ids: (a) => a.caseIds,
    check: (body) => expect(body).toMatchObject({ items: [] }),
  },
  '/api/v1/cases/staff': { kind: 'list', urls: () => ['/api/v1/cases/staff'], ids: (a) => a.userIds },
  '/api/v1/cases/by-clue/:id': {
    kind: 'list',
    urls: (a) => a.clueIds.map((id) => `/api/v1/cases/by-clue/${id}`),
    check: (body) => expect(body).toEqual({ caseId: null }),
  },
  '/api/v1/cases/:id': { kind: 'read', urls: (a) => a.caseIds.map((id) => `/api/v1/cases/${id}`) },
  '/api/v1/cases/:id/evidence/:evidenceId': {
    kind: 'read',
    urls: (a) => a.caseIds.map((id) => `/api/v1/cases/${id}/evidence/1`),
  },
  '/api/v1/cases/:id/documents/:form': {
    kind: 'read',
    urls: (a) => a.caseIds.map((id) => `/api/v1/cases/${id}/documents/filing-decision`),
  },
  '/api/v1/cases/:id/property': { kind: 'read', urls: (a) => a.caseIds.map((id) => `/api/v1/cases/${id}/property`) },
  '/api/v1/clues/:id/documents/:form': {
    kind: 'read',
    urls: (a) =>
      a.clueIds.flatMap((id) =>
        ['disposal-approval', 'verification-report'].map((form) => `/api/v1/clues/${id}/documents/${form}`),
      ),
  },
  '/api/v1/statistics/cases': {
    kind: 'list',
    urls: () => ['/api/v1/statistics/cases'],
    check: (body) => {
      // Every case is county A's: B counts nothing (a four-forms row names its form, 1 to 4).
      const figures = JSON.stringify(body).match(/"(?!form")[a-zA-Z]+":[1-9]\d*/g) ?? [];
      expect(figures).toEqual([]);
    },
  },
  '/api/v1/statistics/clues': {
    kind: 'list',
    urls: (a) => ['/api/v1/statistics/clues', `/api/v1/statistics/clues?division=${a.divisionPrefix.slice(0, 6)}`],
    check: (body) => {
      // Every clue is county A's: B's figures are all zero.
      const figures = JSON.stringify(body).match(/"[a-zA-Z]+":[1-9]\d*/g) ?? [];
      expect(figures).toEqual([]);
    },
  },
  '/api/v1/statistics/overview': {
    kind: 'list',
    urls: () => ['/api/v1/statistics/overview'],
    check: (body) => {
      // Every warning and batch is county A's: B's overview counts nothing and names no dataset.
      const { warnings, freshness } = body as { warnings: unknown; freshness: unknown[] };
      const figures = JSON.stringify(warnings).match(/"(?!days)[a-zA-Z]+":[1-9]\d*/g) ?? [];
      expect(figures).toEqual([]);
      expect(freshness).toEqual([]);
    },
  },
};

/** A county-B user whose role holds the route's permission, or undefined when no role does. */
function roleFor(access: RouteAccess): Role | undefined {
  if (access === 'authenticated') return 'leader';
  return ROLES.find((role) => grantsAccess(DEFAULT_ROLE_PERMISSIONS[role], access as never));
}

for (const engine of testEngines()) {
  describe(`jurisdiction matrix (${engine})`, () => {
    let platform: TestPlatform;
    const countyB = new Map<Role, TestActor>();
    const a: CountyA = {
      tag: '',
      divisionPrefix: '340102',
      orgIds: [],
      userIds: [],
      apiKeyIds: [],
      batchIds: [],
      rows: [],
      runIds: [],
      warningIds: [],
      subjectKeys: [],
      logIndices: [],
      logSources: [],
      clueIds: [],
      caseIds: [],
    };

    /** Builds county A's world through the services users go through. */
    async function buildCountyA(city: Organisation): Promise<void> {
      const db = platform.services.database.db;
      const tag = a.tag;
      const commission = await buildOrganisation(db, {
        code: `JA${tag}`,
        name: `甲县纪委${tag}`,
        commission_level: 'county',
        parent_id: city.id,
        division_code: '340102000000',
      });
      const office = await buildOrganisation(db, {
        code: `JA${tag}-OFF`,
        name: `甲县纪委办公室${tag}`,
        kind: 'office',
        commission_level: null,
        parent_id: commission.id,
        division_code: '340102000000',
      });
      const department = await buildOrganisation(db, {
        code: `JA${tag}-DEP`,
        name: `甲县民政局${tag}`,
        kind: 'unit',
        unit_type: 'department',
        commission_level: null,
        parent_id: commission.id,
        division_code: '340102000000',
      });
      a.orgIds.push(commission.id, office.id, department.id);
      for (const role of ROLES) a.userIds.push((await buildActor(platform.services, role, commission)).user.id);
      const key = await createApiKey(platform.services, cliScope(), {
        departmentId: department.id,
        name: `甲县钥匙${tag}`,
        datasetTypes: ['death'],
        rateLimitPerMinute: 100,
      });
      a.apiKeyIds.push(key.key.id);

      const actor = { ...systemActor(`a${tag}`), orgId: commission.id };
      const dead = makeIdNumber('19400101', 71);
      const files: Record<string, string> = {
        benefit_payment: [
          'payment_id,program,id,name,division,amount,paid_on,period',
          `P1,dibao,${dead},甲${tag},340102001001,500.00,2024-03-15,2024-03`,
          `P2,dibao,${withBadId(dead)},甲乙${tag},340102001001,500.00,2024-03-15,2024-03`,
        ].join('\n'),
        death: ['id,name,death_date,division', `${dead},甲${tag},2024-01-01,340102001001`].join('\n'),
        collective_lease: [
          'lease_id,asset_id,org_code,lessee,lessee_name,annual_rent,benchmark_rent,start_date,end_date',
          `L${tag},A1,O1,${dead},甲${tag},1000.00,10000.00,2023-01-01,2025-12-31`,
        ].join('\n'),
      };
      for (const [type, content] of Object.entries(files)) {
        const file = path.join(platform.dataDir, `a-${tag}-${type}.csv`);
        writeFileSync(file, `${content}\n`);
        const { batch } = await importDatasetFile(platform.services, actor, {
          datasetType: type,
          file,
          fileName: path.basename(file),
          runModels: false,
        });
        a.batchIds.push(batch.id);
        a.rows.push({ type, batchId: batch.id, rowNo: 1 });
      }
      const requester = { actor, userId: null, username: `a${tag}`, jurisdictionPrefix: a.divisionPrefix };
      const run = await startRun(platform.services, requester, { kind: 'full', modelIds: ['W01', 'C01'] });
      await platform.services.modelRuns.whenFinished(run.id);
      expect((await getRun(platform.services, run.id)).status).toBe('succeeded');
      a.runIds.push(run.id);
      const warnings = await db.selectFrom('warnings').select(['id', 'division_code', 'subject_key']).execute();
      expect(warnings.length).toBeGreaterThanOrEqual(2);
      a.warningIds.push(...warnings.map((w) => w.id));
      a.subjectKeys.push(...new Set(warnings.flatMap((w) => (w.subject_key === null ? [] : [Number(w.subject_key)]))));
      await buildCluesOfA(commission, warnings[0]!.id);
      // Everything above went into the transparency log: the entries that record A's doings are A's.
      await platform.services.transparency.signNow();
      const logged = await db
        .selectFrom('transparency_entries')
        .select(['idx', 'kind', 'source_id'])
        .where('division_code', 'like', `${a.divisionPrefix}%`)
        .execute();
      expect(logged.length).toBeGreaterThan(0);
      a.logIndices.push(...logged.map((e) => Number(e.idx)));
      a.logSources.push(...logged.map((e) => `${e.kind}/${encodeURIComponent(e.source_id)}`));
    }

    /** A's clues, through the API its case management uses: one of a confirmed warning (registered), one from scratch. */
    async function buildCluesOfA(commission: Organisation, warningId: number): Promise<void> {
      const registrar = await buildActor(platform.services, 'case_management', commission);
      a.userIds.push(registrar.user.id);
      await platform.services.database.db
        .updateTable('warnings')
        .set({ status: 'confirmed' })
        .where('id', '=', warningId)
        .execute();
      const bodies = [
        { source: 'model_warning', warningIds: [warningId] },
        { source: 'letters_visits', divisionCode: '340102001001' },
      ];
      for (const body of bodies) {
        const created = await platform.app.inject({
          method: 'POST',
          url: '/api/v1/clues',
          headers: registrar.session.headers,
          payload: { ...body, problemType: 'other', title: `甲县线索${a.tag}`, summary: `摘要${a.tag}` },
        });
        expect(created.statusCode, created.body).toBe(201);
        a.clueIds.push(created.json<{ id: number }>().id);
      }
      const registered = await platform.app.inject({
        method: 'POST',
        url: `/api/v1/clues/${a.clueIds[0]}/steps`,
        headers: registrar.session.headers,
        payload: { action: 'register', payload: {} },
      });
      expect(registered.statusCode, registered.body).toBe(200);
      const proposed = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/cases',
        headers: registrar.session.headers,
        payload: {
          problemType: 'other',
          title: `甲县案件${a.tag}`,
          summary: `摘要${a.tag}`,
          divisionCode: '340102001001',
          subjects: [{ kind: 'official', name: `甲${a.tag}` }],
        },
      });
      expect(proposed.statusCode, proposed.body).toBe(201);
      a.caseIds.push(proposed.json<{ id: number }>().id);
    }

    beforeAll(async () => {
      platform = await createTestPlatform(engine);
      a.tag = randomBytes(4).toString('hex');
      const db = platform.services.database.db;
      const city = await buildOrganisation(db, {
        name: '合肥市纪委',
        commission_level: 'city',
        division_code: '340100000000',
      });
      const commissionB = await buildOrganisation(db, {
        name: '乙县纪委',
        commission_level: 'county',
        parent_id: city.id,
        division_code: '340103000000',
      });
      for (const role of ROLES) countyB.set(role, await buildActor(platform.services, role, commissionB));
      await buildCountyA(city);
    });
    afterAll(async () => platform?.close());

    it('classifies every GET route of the route table', () => {
      const gets = platform.routes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/'));
      expect(gets.length).toBeGreaterThan(20);
      expect(gets.map((r) => r.url).filter((url) => PROBES[url] === undefined)).toEqual([]);
    });

    it('a county-B user of the right role reads nothing of county A through any route', async () => {
      const failures: string[] = [];
      const gets = platform.routes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/'));
      for (const route of gets) {
        const probe = PROBES[route.url];
        if (probe === undefined || probe.kind === 'unbound') continue;
        const role = roleFor(route.access);
        if (role === undefined) continue;
        const viewer = countyB.get(role) as TestActor;
        for (const url of probe.urls(a)) {
          const response = await platform.app.inject({ method: 'GET', url, headers: viewer.session.headers });
          const where = `${role} GET ${url} → ${response.statusCode}`;
          if (response.body.includes(a.tag) || response.body.includes(a.divisionPrefix)) {
            failures.push(`${where}: names county A (${response.body.slice(0, 160)})`);
          }
          if (probe.kind === 'read') {
            if (response.statusCode !== 404) failures.push(`${where}: expected 404`);
            continue;
          }
          if (response.statusCode !== 200) {
            failures.push(`${where}: expected 200 (${response.body.slice(0, 160)})`);
            continue;
          }
          const isJson = String(response.headers['content-type'] ?? '').includes('json');
          const body: unknown = isJson ? response.json() : response.body;
          const ids = new Set(probe.ids?.(a) ?? []);
          const leaked =
            isJson && 'items' in (body as object) ? items(body).filter((i) => ids.has(i.id as number)) : [];
          if (leaked.length > 0) failures.push(`${where}: lists ids ${leaked.map((i) => String(i.id)).join(', ')}`);
          try {
            probe.check?.(body);
          } catch (error) {
            failures.push(`${where}: ${(error as Error).message.split('\n')[0]}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });

    it('county A itself sees what it made, so the walk above is not vacuous', async () => {
      const viewer = await buildActor(
        platform.services,
        'model_analyst',
        await platform.services.database.db
          .selectFrom('organisations')
          .selectAll()
          .where('code', '=', `JA${a.tag}`)
          .executeTakeFirstOrThrow(),
      );
      const get = (url: string) => platform.app.inject({ method: 'GET', url, headers: viewer.session.headers });
      expect((await get(`/api/v1/model-runs/${a.runIds[0]}`)).statusCode).toBe(200);
      expect((await get(`/api/v1/batches/${a.batchIds[0]}`)).statusCode).toBe(200);
      expect((await get('/api/v1/warnings')).json<{ total: number }>().total).toBe(a.warningIds.length);
      const clueReader = await buildActor(
        platform.services,
        'leader',
        await platform.services.database.db
          .selectFrom('organisations')
          .selectAll()
          .where('code', '=', `JA${a.tag}`)
          .executeTakeFirstOrThrow(),
      );
      for (const id of a.clueIds) {
        const clue = await platform.app.inject({
          method: 'GET',
          url: `/api/v1/clues/${id}`,
          headers: clueReader.session.headers,
        });
        expect(clue.statusCode).toBe(200);
      }
      for (const id of a.caseIds) {
        const found = await platform.app.inject({
          method: 'GET',
          url: `/api/v1/cases/${id}`,
          headers: clueReader.session.headers,
        });
        expect(found.statusCode).toBe(200);
      }
      const clueStatistics = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/statistics/clues',
        headers: clueReader.session.headers,
      });
      expect(clueStatistics.json<{ total: number }>().total).toBe(a.clueIds.length);
      const leases = await get('/api/v1/datasets/collective_lease/rows');
      expect(leases.json<{ total: number }>().total).toBe(1);
    });
  });
}

/** The same identity number with a wrong check digit: the row is rejected into the batch's report. */
function withBadId(id: string): string {
  return id.slice(0, 17) + (id[17] === '1' ? '2' : '1');
}
