/**
 * The load runner: concurrent clients sending real HTTP requests, with a signed-in
 * session's cookie, to a listening server, one endpoint and one user at a time, from a
 * thread of their own, and the latency of every answer (p50, p99, max).
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { HttpSession } from './scale-county.js';

/** A GET the console makes on a page a leader opens every day. */
export interface LoadEndpoint {
  name: string;
  path: string;
  /** What the answer counts, for the report (e.g. a list's total). */
  countOf?: (body: unknown) => number;
  /** A JSON body to POST instead of a GET (a search by identity number keeps it out of the URL). */
  body?: unknown;
}

const listTotal = (body: unknown) => (body as { total: number }).total;
const overviewOpen = (body: unknown) =>
  ((body as { warnings: { byStatus: { status: string; count: number }[] } }).warnings?.byStatus ?? []).reduce(
    (n, s) => n + s.count,
    0,
  );

const personTotal = (body: unknown) => (body as { total: number }).total;

/**
 * What the scale bench loads, as the console asks for it: the list's first page, a filtered
 * and sorted page, the overview, and the page of `personKey` (a person the seed put in the
 * lake's subject index, see seed-warnings.ts).
 */
export function loadEndpoints(personKey: number): LoadEndpoint[] {
  return [
    { name: 'warnings, first page', path: '/api/v1/warnings?page=1&pageSize=20', countOf: listTotal },
    {
      name: 'warnings, filtered + sorted',
      path: '/api/v1/warnings?status=open&severity=red&sort=-firstSeenAt&page=3&pageSize=20',
      countOf: listTotal,
    },
    { name: 'overview statistics', path: '/api/v1/statistics/overview', countOf: overviewOpen },
    { name: "a person's page", path: `/api/v1/people/${personKey}`, countOf: personTotal },
  ];
}

/** The latencies of one endpoint for one user under load. */
export interface EndpointLoad {
  endpoint: string;
  user: string;
  clients: number;
  requests: number;
  /** Answers other than 200: the report prints them, and a test expects none. */
  failures: number;
  /** What the last answer counted (see LoadEndpoint.countOf). */
  count?: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /**
   * Answers a second over the round. The clients send their next request on each answer, so
   * a p99 is about clients / this: the figure that shows what a faster answer must come from.
   */
  perSecond: number;
}

export interface LoadOptions {
  baseUrl: string;
  sessions: readonly HttpSession[];
  endpoints: readonly LoadEndpoint[];
  /** Clients sending at the same time (default 50). */
  clients?: number;
  /** Requests each client sends per endpoint and user (default 20). */
  requestsPerClient?: number;
}

/** The `p`-th percentile of sorted values, nearest-rank. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** What one round of clients sends, and what the thread that sends it answers. */
interface Round {
  url: string;
  cookie: string;
  /** For a POST: the JSON body and the session's CSRF token. */
  post?: { body: string; csrfToken: string };
  clients: number;
  perClient: number;
}
interface RoundResult {
  /** Each answer's time in ms and status (0: the connection failed), in the order they came. */
  answers: { ms: number; status: number }[];
  /** The body of the last 200 answer, parsed. */
  last: unknown;
  /** From the first request sent to the last answer read. */
  elapsedMs: number;
}

/*
 * The clients run on a thread of their own, so the time they spend making requests and
 * reading answers is not spent on the server's event loop (which a browser's would not be).
 * They speak HTTP/1.1 through node:http with kept-alive connections, one per client, as a
 * browser keeps its own: fetch() cost the client thread about three times the CPU per
 * request, which on a small machine is taken from the server it measures. Each client's
 * first request opens its connection and is not counted (a browser has its connection
 * open long before a leader clicks). The thread's code is plain JavaScript with no
 * imports, so it runs the same from the build and from the tests' sources.
 */
const CLIENT_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, cookie, post, clients, perClient } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
const headers = post
  ? { cookie, accept: 'application/json', 'content-type': 'application/json', 'x-csrf-token': post.csrfToken, 'content-length': Buffer.byteLength(post.body) }
  : { cookie, accept: 'application/json' };
function send() {
  return new Promise((resolve) => {
    const request = http.request(url, { method: post ? 'POST' : 'GET', headers, agent }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', () => resolve({ status: 0, text: '' }));
    });
    request.on('error', () => resolve({ status: 0, text: '' }));
    request.end(post ? post.body : undefined);
  });
}
const answers = [];
let last;
let started;
// Every client opens its connection first; then all start at once, and the round's time starts.
let warmed = 0;
let go;
const allWarm = new Promise((resolve) => (go = resolve));
async function client() {
  await send();
  if (++warmed === clients) {
    started = performance.now();
    go();
  }
  await allWarm;
  for (let i = 0; i < perClient; i++) {
    const sent = performance.now();
    const { status, text } = await send();
    answers.push({ ms: performance.now() - sent, status });
    if (status === 200) last = text;
  }
}
Promise.all(Array.from({ length: clients }, () => client())).then(() => {
  agent.destroy();
  parentPort.postMessage({ answers, last: last === undefined ? undefined : JSON.parse(last), elapsedMs: performance.now() - started });
});
`;

/** Runs one round on the client thread: every client at once, each sending its requests in turn. */
async function runRound(round: Round): Promise<RoundResult> {
  const worker = new Worker(CLIENT_THREAD, { eval: true, workerData: round });
  try {
    const [result] = (await once(worker, 'message')) as [RoundResult];
    return result;
  } finally {
    await worker.terminate();
  }
}

/**
 * Loads each endpoint for each session in turn: `clients` clients, each sending its
 * requests one after another, all clients at once. A first request per endpoint and user
 * warms the path (not counted); it throws if that one is refused (a wrong session or path).
 */
export async function runLoad(options: LoadOptions): Promise<EndpointLoad[]> {
  const clients = options.clients ?? 50;
  const perClient = options.requestsPerClient ?? 20;
  const out: EndpointLoad[] = [];
  for (const endpoint of options.endpoints) {
    for (const session of options.sessions) {
      const url = `${options.baseUrl}${endpoint.path}`;
      const post =
        endpoint.body === undefined
          ? {}
          : { post: { body: JSON.stringify(endpoint.body), csrfToken: session.csrfToken } };
      // A first request warms the path, and shows a refusal (a wrong session or path) at once.
      const warm = await runRound({ url, cookie: session.cookie, ...post, clients: 1, perClient: 1 });
      if (warm.answers[0]?.status !== 200) {
        throw new Error(`${endpoint.name} as ${session.label}: answered ${warm.answers[0]?.status}`);
      }
      const round = await runRound({ url, cookie: session.cookie, ...post, clients, perClient });
      const times = round.answers.map((a) => a.ms);
      const failures = round.answers.filter((a) => a.status !== 200).length;
      const last = round.last ?? warm.last;
      times.sort((a, b) => a - b);
      out.push({
        endpoint: endpoint.name,
        user: session.label,
        clients,
        requests: times.length,
        failures,
        ...(endpoint.countOf ? { count: endpoint.countOf(last) } : {}),
        p50Ms: percentile(times, 50),
        p99Ms: percentile(times, 99),
        maxMs: times[times.length - 1] ?? 0,
        perSecond: round.elapsedMs > 0 ? (times.length * 1000) / round.elapsedMs : 0,
      });
    }
  }
  return out;
}
