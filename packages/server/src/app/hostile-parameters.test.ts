import { DEFAULT_ROLE_PERMISSIONS, ROLES, grantsAccess, type Role } from '@qingfeng/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey } from '../modules/api-keys/api-keys.service.js';
import { makeIdNumber } from '../testing/test-data.js';
import { cliScope } from '../modules/organisations/scope.js';
import { buildOrganisation, buildSession, buildUser, type TestSession } from '../testing/factories.js';
import { multipartFile } from '../testing/org-factories.js';
import { testEngines } from '../testing/test-databases.js';
import { createTestPlatform, type TestPlatform } from '../testing/test-platform.js';
import type { RegisteredRoute } from '../http/access-control.js';

/**
 * The security suite's property test for text parameters, generated from the route table
 * like the permission matrix: for every route, signed in as a role allowed there, each
 * query parameter (the documented ones, and a field filter where a route takes any) and
 * each path parameter gets fast-check strings — NUL bytes, unpaired surrogates, very long
 * text, SQL and markup, right-to-left and zero-width characters. No answer may be a 5xx or
 * take longer than STALL_MS, and the server must still answer `GET /auth/me` afterwards.
 */

/** Runs per route and parameter, ALWAYS's examples first; small, so the suite stays well under a minute. */
const RUNS_PER_PARAMETER = 6;
/** An answer slower than this is a stall (the slowest seen here is well under a second). */
const STALL_MS = 5_000;
const SEED = 15;

const HOSTILE = [
  '\u0000',
  'a\u0000b',
  '%00',
  '\ud800',
  'x\udfffy',
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; SELECT pg_sleep(10)',
  "x' UNION SELECT read_text('/etc/passwd') --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '\u202Egnp.exe',
  'a\u200Bb\u200D\uFEFF',
  '../../../../etc/passwd',
  '%',
  '_',
  '\\',
  '${7*7}{{7*7}}',
  // Shaped like an identity number, its check digit wrong on purpose: validators must refuse, not crash.
  '330106194001010011',
  '-1',
  '1e309',
  'NaN',
  '[]',
  '张三',
  '😀',
];

/** Tried on every parameter besides the random draws: what PostgreSQL refuses in text, and what is no text at all. */
const ALWAYS: [string][] = [['a\u0000b'], ['x\ud800y']];

/** Hostile text: the corpus, random code points with NUL and lone surrogates mixed in, and very long strings. */
const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc
    .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('\u0000', '\ud800', '\udc00', "'")), {
      maxLength: 6,
    })
    .map((parts) => parts.join('')),
  fc.tuple(fc.constantFrom(...HOSTILE), fc.integer({ min: 500, max: 4_000 })).map(([text, n]) => text.repeat(n)),
);

/**
 * Percent-encodes text byte by byte as UTF-8, writing a lone surrogate as the three bytes
 * it would take (WTF-8): invalid UTF-8 a client can still send, which `encodeURIComponent`
 * refuses to produce.
 */
function encodeAnyText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const bytes =
      code >= 0xd800 && code <= 0xdfff
        ? [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        : [...Buffer.from(char, 'utf8')];
    out += bytes.map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('');
  }
  return out;
}

/** A plausible value for a path parameter not under test, so the request reaches the handler. */
function plausible(name: string): string {
  if (name === 'type') return 'benefit_payment';
  if (name === 'role') return 'leader';
  return '1';
}

function pathParameters(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1] ?? '');
}

function roleFor(access: RegisteredRoute['access']): Role | undefined {
  if (access === 'public' || access === 'api_key') return undefined;
  if (access === 'authenticated') return 'leader';
  return ROLES.find((role) => grantsAccess(DEFAULT_ROLE_PERMISSIONS[role], access));
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
}

describe.each(testEngines())('hostile text in every parameter on %s', (engine) => {
  let platform: TestPlatform;
  const sessions = new Map<Role, TestSession>();
  let apiKey = '';
  let openApi: OpenApiDocument;

  beforeAll(async () => {
    platform = await createTestPlatform(engine);
    const db = platform.services.database.db;
    const org = await buildOrganisation(db);
    for (const role of ROLES) {
      sessions.set(role, await buildSession(platform.services, await buildUser(db, { role, orgId: org.id })));
    }
    // Some rows in the lake, so that filters and searches run against a real table.
    const csv = `项目,身份证号,姓名,区划,金额,发放日期\ndibao,${makeIdNumber('19400101', 11)},张三,330106,5,2024-03-05\n`;
    const upload = multipartFile('pay.csv', csv);
    const imported = await platform.app.inject({
      method: 'POST',
      url: '/api/v1/datasets/benefit_payment/imports',
      payload: upload.payload,
      headers: { ...(sessions.get('data_admin') as TestSession).headers, ...upload.headers },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const department = await buildOrganisation(db, {
      kind: 'unit',
      unit_type: 'department',
      commission_level: null,
      parent_id: org.id,
    });
    apiKey = (
      await createApiKey(platform.services, cliScope(), {
        departmentId: department.id,
        name: '模糊测试',
        datasetTypes: ['death'],
        rateLimitPerMinute: 100_000,
      })
    ).secret;
    openApi = (await platform.app.inject({ method: 'GET', url: '/api/docs/json' })).json<OpenApiDocument>();
  });
  afterAll(async () => platform?.close());

  /** The documented query parameters of a route, plus a field filter on a route that takes any query key. */
  function queryParameters(route: RegisteredRoute): string[] {
    const operation = openApi.paths[route.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[route.method.toLowerCase()];
    const names = (operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    return route.url.endsWith('/rows') ? [...names, 'name', 'id'] : names;
  }

  function headersFor(route: RegisteredRoute): Record<string, string> {
    if (route.access === 'api_key') return { 'x-api-key': apiKey };
    const role = roleFor(route.access);
    return role ? (sessions.get(role) as TestSession).headers : {};
  }

  it('never answers a 5xx nor stalls, and keeps serving', async () => {
    const failures: string[] = [];
    let slowest = 0;
    let requests = 0;
    let seed = SEED;
    for (const route of platform.routes) {
      const parameters = [
        ...pathParameters(route.url).map((name) => ({ in: 'path' as const, name })),
        ...queryParameters(route).map((name) => ({ in: 'query' as const, name })),
      ];
      if (parameters.length === 0) continue;
      const headers = headersFor(route);
      const send = async (parameter: (typeof parameters)[number], value: string) => {
        const encoded = encodeAnyText(value);
        const path = route.url.replace(/:([A-Za-z]+)/g, (_m, name: string) =>
          parameter.in === 'path' && name === parameter.name ? encoded : plausible(name),
        );
        const url = parameter.in === 'query' ? `${path}?${parameter.name}=${encoded}` : path;
        const started = performance.now();
        const response = await platform.app.inject({
          method: route.method as 'GET',
          url,
          headers,
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        const took = performance.now() - started;
        requests += 1;
        slowest = Math.max(slowest, took);
        return { status: response.statusCode, took, body: response.body.slice(0, 120) };
      };
      for (const parameter of parameters) {
        await fc
          .assert(
            fc.asyncProperty(hostileText, async (value) => {
              const label = `${route.method} ${route.url} ${parameter.in}.${parameter.name}=${JSON.stringify(value.slice(0, 60))}`;
              try {
                const { status, took, body } = await send(parameter, value);
                if (status < 500 && took <= STALL_MS) return true;
                failures.push(`${label} → ${status} in ${Math.round(took)} ms: ${body}`);
              } catch (error) {
                failures.push(`${label} → threw ${String(error)}`);
              }
              return false;
            }),
            { numRuns: RUNS_PER_PARAMETER, seed: seed++, endOnFailure: true, examples: ALWAYS },
          )
          // Every failure is in `failures` already, so one report lists every route that failed.
          .catch(() => undefined);
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(100);
    expect(slowest).toBeLessThan(STALL_MS);
    const me = await platform.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: (sessions.get('leader') as TestSession).headers,
    });
    expect(me.statusCode).toBe(200);
  }, 120_000);
});
