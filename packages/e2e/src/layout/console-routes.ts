import { DEFAULT_ROLE_PERMISSIONS, type Role } from '@qingfeng/core';
import type { Login } from '../harness/server.js';

/**
 * Every page of the console, read from the console's own definitions: its menu (NAV_ITEMS,
 * which also gives the permission each page needs) and its feature route tables
 * (FEATURE_ROUTES, whose pages with a parameter, `models/:id`, are reached from their list).
 * The modules are loaded by path at run time: the console is type-checked by its own
 * project, and Vitest compiles its TSX here.
 */
const NAV_MODULE = '../../../web/src/features/layout/nav-items.tsx';
const FEATURES_MODULE = '../../../web/src/app/feature-routes.ts';

export interface ConsoleRoute {
  /** The route as the console declares it: `/warnings`, `/models/:id/builder`. */
  pattern: string;
  /** What a user needs to see it (every one, when several); undefined = every signed-in user. */
  permission?: string | readonly string[];
}

/**
 * Pages with a parameter that no list of their own leads to, with the page that links to
 * them and the test id of that link: a person's page is opened from a warning's subject.
 */
export const REACHED_THROUGH: Readonly<Record<string, { from: string; link: string }>> = {
  '/people/:subjectKey': { from: '/warnings/:id', link: 'person-link' },
};

interface NavModule {
  NAV_ITEMS: readonly { path: string; permission?: string }[];
}
interface RouteLike {
  path?: string;
  element?: { props?: { permission?: string | readonly string[] } };
  children?: RouteLike[];
}
interface FeaturesModule {
  FEATURE_ROUTES: (() => Promise<RouteLike[]>)[];
}

export async function consoleRoutes(): Promise<ConsoleRoute[]> {
  const { NAV_ITEMS } = (await import(/* @vite-ignore */ NAV_MODULE)) as NavModule;
  const { FEATURE_ROUTES } = (await import(/* @vite-ignore */ FEATURES_MODULE)) as FeaturesModule;
  const routes = new Map<string, ConsoleRoute>();
  for (const item of NAV_ITEMS) routes.set(item.path, { pattern: item.path, permission: item.permission });
  const tables = await Promise.all(FEATURE_ROUTES.map((load) => load()));
  for (const route of tables.flat()) {
    if (!route.path) continue;
    const pattern = `/${route.path}`;
    // Each feature route wraps its page in <RequirePermission permission="…">.
    const permission = route.element?.props?.permission;
    routes.set(pattern, { pattern, permission: routes.get(pattern)?.permission ?? permission });
  }
  // Pages without a parameter first: those with one are reached from them.
  return [...routes.values()].sort((a, b) => Number(a.pattern.includes(':')) - Number(b.pattern.includes(':')));
}

/** The first user (in the order given) whose role's default permissions show the route. */
export function userFor(route: ConsoleRoute, users: readonly Login[]): Login | undefined {
  const needed =
    route.permission === undefined ? [] : typeof route.permission === 'string' ? [route.permission] : route.permission;
  return users.find((user) => {
    const held = DEFAULT_ROLE_PERMISSIONS[user.role as Role] as readonly string[] | undefined;
    return needed.every((permission) => held?.includes(permission));
  });
}

/** `/models/:id/builder` → a pattern matching `/models/W01/builder`, capturing `id`. */
export function routeRegExp(pattern: string): RegExp {
  const source = pattern
    .split('/')
    .map((segment) => (segment.startsWith(':') ? `(?<${segment.slice(1)}>[^/]+)` : segment))
    .join('/');
  return new RegExp(`^${source}$`);
}

/** The list page a parameter route is reached from: `/models/:id/builder` → `/models`. */
export function listOf(pattern: string): string {
  return pattern.slice(0, pattern.indexOf('/:'));
}

/** Fills a pattern's parameters from values seen on a page already reached, if all are known. */
export function fill(pattern: string, known: Readonly<Record<string, string>>): string | undefined {
  const names = pattern
    .split('/')
    .filter((s) => s.startsWith(':'))
    .map((s) => s.slice(1));
  if (!names.every((name) => known[`${listOf(pattern)}:${name}`])) return undefined;
  return pattern
    .split('/')
    .map((s) => (s.startsWith(':') ? known[`${listOf(pattern)}:${s.slice(1)}`] : s))
    .join('/');
}
