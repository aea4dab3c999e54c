/**
 * The places and people of the scale bench: the demo county's divisions (清风县, its six
 * towns and 48 villages, with the demo's codes) and a second county of the same city, a
 * commission in each county and one for the city, and two leaders who sign in through the
 * real HTTP API: one of the demo county, one of the whole city.
 */
import { randomBytes } from 'node:crypto';
import type { AppServices } from '../../app/app-services.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../../http/access-control.js';
import { DivisionsService } from '../../modules/organisations/divisions.service.js';
import { OrganisationsService } from '../../modules/organisations/organisations.service.js';
import { cliScope } from '../../modules/organisations/scope.js';
import { UsersService } from '../../modules/users/users.service.js';

/** The city both counties lie in, and the two counties (the demo's, and a neighbour). */
export const CITY_PREFIX = '3301';
export const DEMO_COUNTY_PREFIX = '330199';
export const SECOND_COUNTY_PREFIX = '330198';
export const TOWNS_PER_COUNTY = 6;
export const VILLAGES_PER_TOWN = 8;

const COUNTIES = [
  { prefix: DEMO_COUNTY_PREFIX, name: '清风县', towns: ['城关镇', '清溪镇', '石门乡', '白云乡', '枫林镇', '桃源乡'] },
  { prefix: SECOND_COUNTY_PREFIX, name: '明月县', towns: ['明月镇', '溪口镇', '松岭乡', '竹林乡', '望江镇', '云台乡'] },
];
const VILLAGE_WORDS = ['东山', '西岭', '南塘', '北坡', '上溪', '下湾', '中和', '新桥'];

/** The division register as a CSV the division import reads (code, name, parent_code). */
function divisionsCsv(): string {
  const lines = ['code,name,parent_code', `${CITY_PREFIX}00000000,杭州市,`];
  for (const county of COUNTIES) {
    const countyCode = `${county.prefix}000000`;
    lines.push(`${countyCode},${county.name},${CITY_PREFIX}00000000`);
    county.towns.forEach((town, t) => {
      const townCode = `${county.prefix}${String(t + 1).padStart(3, '0')}000`;
      lines.push(`${townCode},${town},${countyCode}`);
      for (let v = 1; v <= VILLAGES_PER_TOWN; v++) {
        lines.push(`${townCode.slice(0, 9)}${200 + v},${VILLAGE_WORDS[v - 1]}村,${townCode}`);
      }
    });
  }
  return `${lines.join('\n')}\n`;
}

/** A leader's account: who signs in, and the password the first sign-in sets. */
export interface ScaleUser {
  label: string;
  username: string;
  password: string;
  /** The organisation whose jurisdiction the user works in. */
  orgId: number;
}

export interface ScaleCounty {
  /** The demo county's commission: the batches of the bench's lake belong to it. */
  countyOrgId: number;
  countyUser: ScaleUser;
  cityUser: ScaleUser;
}

/**
 * Creates the divisions, the three commissions and the two leaders through the platform's
 * own services (audited as the bench), as an administrator would.
 */
export async function createScaleCounty(services: AppServices): Promise<ScaleCounty> {
  const scope = cliScope('bench');
  await new DivisionsService(services.database.db).importDivisions(scope, new TextEncoder().encode(divisionsCsv()), {
    fileName: 'bench-divisions.csv',
  });
  const organisations = new OrganisationsService(services.database.db);
  const city = await organisations.createOrganisation(scope, {
    code: 'BENCH-3301-JW',
    name: '杭州市纪委监委（基准）',
    kind: 'commission',
    level: 'city',
    divisionCode: `${CITY_PREFIX}00000000`,
  });
  const [county] = await Promise.all(
    COUNTIES.map((c) =>
      organisations.createOrganisation(scope, {
        code: `BENCH-${c.prefix}-JW`,
        name: `${c.name}纪委监委（基准）`,
        kind: 'commission',
        level: 'county',
        parentId: city.id,
        divisionCode: `${c.prefix}000000`,
      }),
    ),
  );
  if (county === undefined) throw new Error('the demo county was not created');
  const users = new UsersService(services);
  const leader = async (label: string, username: string, orgId: number): Promise<ScaleUser> => {
    const { temporaryPassword } = await users.createUser(scope, {
      username,
      displayName: label,
      orgId,
      role: 'leader',
    });
    // The first sign-in must change the temporary password; this is the one it sets.
    return { label, username, password: temporaryPassword, orgId };
  };
  return {
    countyOrgId: county.id,
    countyUser: await leader('county leader', 'bench.county', county.id),
    cityUser: await leader('city leader', 'bench.city', city.id),
  };
}

/** A signed-in session: what a browser sends with each request. */
export interface HttpSession {
  label: string;
  cookie: string;
  csrfToken: string;
}

function cookieOf(response: Response): string {
  const set = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!set) throw new Error(`no session cookie in the answer (${response.status})`);
  return set.split(';')[0] as string;
}

/**
 * Signs `user` in over HTTP as the console does, changing the temporary password the first
 * sign-in asks for, and returns the session. Throws with the answer when a step is refused.
 */
export async function signInOverHttp(baseUrl: string, user: ScaleUser): Promise<HttpSession> {
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const signIn = await post('/api/v1/auth/sign-in', { username: user.username, password: user.password });
  if (!signIn.ok) throw new Error(`sign-in of ${user.username}: ${signIn.status} ${await signIn.text()}`);
  const cookie = cookieOf(signIn);
  const me = ((await signIn.json()) as { user: { csrfToken: string; mustChangePassword: boolean } }).user;
  if (!me.mustChangePassword) return { label: user.label, cookie, csrfToken: me.csrfToken };
  const newPassword = `Qf#${randomBytes(12).toString('hex')}x`;
  const changed = await post(
    '/api/v1/auth/password',
    { currentPassword: user.password, newPassword },
    { cookie, [CSRF_HEADER]: me.csrfToken },
  );
  if (!changed.ok) throw new Error(`password change of ${user.username}: ${changed.status} ${await changed.text()}`);
  user.password = newPassword;
  // Changing the password may rotate the session: take the newest cookie the server set.
  const latest = changed.headers.getSetCookie().some((c) => c.startsWith(`${SESSION_COOKIE}=`))
    ? cookieOf(changed)
    : cookie;
  return { label: user.label, cookie: latest, csrfToken: me.csrfToken };
}
