import type { Kysely } from 'kysely';
import type { DB, NewUser, User, UserUpdate } from '../../db/schema.js';
import { containsPattern } from '../organisations/index.js';

/** A user with the organisation that places them in a jurisdiction. */
export type UserWithOrg = User & { org_code: string; org_name: string; division_code: string };

export interface UserFilter {
  orgId?: number;
  role?: string;
  q?: string;
  disabled?: boolean;
}

/**
 * All SQL of users. Users are jurisdiction-bound through their organisation: every read
 * that serves a person takes the jurisdiction prefix and filters by it here.
 */
export class UsersRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private within(prefix: string, filter: UserFilter = {}) {
    let query = this.db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.org_id')
      .where('organisations.division_code', 'like', `${prefix}%`);
    if (filter.orgId !== undefined) query = query.where('users.org_id', '=', filter.orgId);
    if (filter.role) query = query.where('users.role', '=', filter.role);
    if (filter.disabled !== undefined) query = query.where('users.disabled', '=', filter.disabled);
    if (filter.q) {
      const pattern = containsPattern(filter.q);
      query = query.where((eb) =>
        eb.or([eb('users.username', 'ilike', pattern), eb('users.display_name', 'like', pattern)]),
      );
    }
    return query;
  }

  private selectUser(prefix: string, filter?: UserFilter) {
    return this.within(prefix, filter)
      .selectAll('users')
      .select(['organisations.code as org_code', 'organisations.name as org_name', 'organisations.division_code']);
  }

  async findById(prefix: string, id: number): Promise<UserWithOrg | undefined> {
    return this.selectUser(prefix).where('users.id', '=', id).executeTakeFirst();
  }

  async findByUsername(prefix: string, username: string): Promise<UserWithOrg | undefined> {
    return this.selectUser(prefix).where('users.username', '=', username).executeTakeFirst();
  }

  async count(prefix: string, filter: UserFilter): Promise<number> {
    const row = await this.within(prefix, filter)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  async findPage(prefix: string, filter: UserFilter, limit: number, offset: number): Promise<UserWithOrg[]> {
    return this.selectUser(prefix, filter).orderBy('users.username').limit(limit).offset(offset).execute();
  }

  /** Whether any user, anywhere, has this username (usernames are unique nationally). */
  async isUsernameTaken(username: string): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    return row !== undefined;
  }

  async insert(values: NewUser): Promise<number> {
    const row = await this.db.insertInto('users').values(values).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async update(id: number, values: UserUpdate): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
  }

  /** Another user (any jurisdiction: an identity number names one person) carrying this blind index. */
  async findIdByIdNumberHash(hash: string, exceptId: number): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('users')
      .select('id')
      .where('id_number_hash', '=', hash)
      .where('id', '<>', exceptId)
      .executeTakeFirst();
    return row?.id;
  }

  async insertPasswordHistory(userId: number, passwordHash: string): Promise<void> {
    await this.db.insertInto('password_history').values({ user_id: userId, password_hash: passwordHash }).execute();
  }
}
