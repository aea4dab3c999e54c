import type { Kysely } from 'kysely';
import { type AuthServices, hashPassword } from '../auth/index.js';
import type { DB, UserUpdate } from '../../db/schema.js';
import { ConflictError, NotFoundError } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { OrganisationsService, type Scope } from '../organisations/index.js';
import {
  assertMayCreateWithRole,
  assertMayResetPassword,
  assertMayUpdate,
  temporaryPasswordFor,
} from './user-rules.js';
import { type UserWithOrg, UsersRepository } from './users.repository.js';
import type { TCreateUser, TUpdateUser, TUserQuery } from './users.schemas.js';

export type UsersServiceDeps = Pick<AuthServices, 'database' | 'fieldCrypto' | 'sessions' | 'clock'>;

/** Runs `work` in the caller's transaction when given one, else in a new one. */
async function inTransaction<T>(executor: Kysely<DB>, work: (trx: Kysely<DB>) => Promise<T>): Promise<T> {
  return executor.isTransaction ? work(executor) : executor.transaction().execute(work);
}

/**
 * The people who use Qingfeng. Every change is audited in its own transaction; reads and
 * changes see only users whose organisation lies inside the scope's jurisdiction.
 */
export class UsersService {
  constructor(private readonly deps: UsersServiceDeps) {}

  private get db(): Kysely<DB> {
    return this.deps.database.db;
  }

  async listUsers(scope: Scope, query: TUserQuery): Promise<{ rows: UserWithOrg[]; total: number }> {
    const { page, pageSize, ...filter } = query;
    const repository = new UsersRepository(this.db);
    const [total, rows] = await Promise.all([
      repository.count(scope.jurisdictionPrefix, filter),
      repository.findPage(scope.jurisdictionPrefix, filter, pageSize, (page - 1) * pageSize),
    ]);
    return { rows, total };
  }

  /** One user; NotFoundError when absent or outside the jurisdiction. */
  async getUser(scope: Scope, id: number, executor: Kysely<DB> = this.db): Promise<UserWithOrg> {
    const user = await new UsersRepository(executor).findById(scope.jurisdictionPrefix, id);
    if (!user) throw new NotFoundError('User');
    return user;
  }

  async getUserByUsername(scope: Scope, username: string): Promise<UserWithOrg> {
    const user = await new UsersRepository(this.db).findByUsername(scope.jurisdictionPrefix, username);
    if (!user) throw new NotFoundError(`User ${username}`);
    return user;
  }

  /**
   * Creates a user with a random temporary password, returned this once; they must change
   * it at first sign-in. Pass `executor` to create inside a larger transaction.
   */
  async createUser(
    scope: Scope,
    input: TCreateUser,
    executor: Kysely<DB> = this.db,
  ): Promise<{ user: UserWithOrg; temporaryPassword: string }> {
    assertMayCreateWithRole(scope, input.role);
    const temporaryPassword = temporaryPasswordFor(input.username);
    const passwordHash = await hashPassword(temporaryPassword);
    const id = await inTransaction(executor, async (trx) => {
      const org = await new OrganisationsService(trx).getOrganisation(scope, input.orgId, trx);
      const repository = new UsersRepository(trx);
      if (await repository.isUsernameTaken(input.username)) {
        throw new ConflictError('username: already taken', 'username', 'username_taken');
      }
      const userId = await repository.insert({
        username: input.username,
        display_name: input.displayName,
        org_id: org.id,
        role: input.role,
        password_hash: passwordHash,
        must_change_password: true,
        ...this.phoneColumns(input.phone ?? null),
      });
      await repository.insertPasswordHistory(userId, passwordHash);
      await recordAudit(trx, scope.actor, {
        action: 'user.create',
        objectType: 'user',
        objectId: userId,
        detail: {
          username: input.username,
          role: input.role,
          orgId: org.id,
          orgCode: org.code,
          phone: Boolean(input.phone),
        },
      });
      return userId;
    });
    return { user: await this.getUser(scope, id, executor), temporaryPassword };
  }

  /** Changes a user's name, organisation, role, phone, identity number or disabled flag, within the rules. */
  async updateUser(scope: Scope, id: number, input: TUpdateUser): Promise<UserWithOrg> {
    await this.db.transaction().execute(async (trx) => {
      const current = await this.getUser(scope, id, trx);
      assertMayUpdate(scope, current, input);
      if (input.orgId !== undefined) await new OrganisationsService(trx).getOrganisation(scope, input.orgId, trx);
      const values: UserUpdate = {};
      const changed: string[] = [];
      if (input.displayName !== undefined && input.displayName !== current.display_name) {
        values.display_name = input.displayName;
        changed.push('displayName');
      }
      if (input.orgId !== undefined && input.orgId !== current.org_id) {
        values.org_id = input.orgId;
        changed.push('orgId');
      }
      if (input.role !== undefined && input.role !== current.role) {
        values.role = input.role;
        changed.push('role');
      }
      if (input.disabled !== undefined && input.disabled !== current.disabled) {
        values.disabled = input.disabled;
        changed.push('disabled');
      }
      if (input.phone !== undefined) {
        Object.assign(values, this.phoneColumns(input.phone));
        changed.push('phone');
      }
      if (input.idNumber !== undefined) {
        const hash = input.idNumber === null ? null : this.deps.fieldCrypto.blindIndex(input.idNumber);
        if (hash !== null && (await new UsersRepository(trx).findIdByIdNumberHash(hash, id)) !== undefined) {
          throw new ConflictError('idNumber: another user carries it', 'idNumber', 'id_number_taken');
        }
        values.id_number_enc = input.idNumber === null ? null : this.deps.fieldCrypto.encrypt(input.idNumber);
        values.id_number_hash = hash;
        changed.push('idNumber');
      }
      if (changed.length === 0) return;
      await new UsersRepository(trx).update(id, values);
      // A disabled user, or one whose powers changed, starts over with a fresh session.
      if (values.disabled === true || values.role !== undefined || values.org_id !== undefined) {
        await this.deps.sessions.revokeUserSessions(trx, id, this.deps.clock.now());
      }
      await recordAudit(trx, scope.actor, {
        action: values.disabled === true ? 'user.disable' : 'user.update',
        objectType: 'user',
        objectId: id,
        detail: {
          username: current.username,
          changed,
          ...(values.role !== undefined ? { role: { from: current.role, to: values.role } } : {}),
          ...(values.org_id !== undefined ? { orgId: { from: current.org_id, to: values.org_id } } : {}),
          ...(values.disabled !== undefined ? { disabled: values.disabled } : {}),
        },
      });
    });
    return this.getUser(scope, id);
  }

  /**
   * Gives a user a new temporary password (returned this once), requires a change at next
   * sign-in, lifts any lock and ends all their sessions.
   */
  async resetPassword(scope: Scope, id: number): Promise<{ user: UserWithOrg; temporaryPassword: string }> {
    // Read first for the username (which never changes), so the slow hash stays outside the transaction.
    const temporaryPassword = temporaryPasswordFor((await this.getUser(scope, id)).username);
    const passwordHash = await hashPassword(temporaryPassword);
    await this.db.transaction().execute(async (trx) => {
      const current = await this.getUser(scope, id, trx);
      assertMayResetPassword(scope, current);
      const repository = new UsersRepository(trx);
      const now = this.deps.clock.now();
      await repository.update(id, {
        password_hash: passwordHash,
        password_changed_at: now,
        must_change_password: true,
        failed_attempts: 0,
        locked_until: null,
      });
      await repository.insertPasswordHistory(id, passwordHash);
      const revoked = await this.deps.sessions.revokeUserSessions(trx, id, now);
      await recordAudit(trx, scope.actor, {
        action: 'user.reset_password',
        objectType: 'user',
        objectId: id,
        detail: { username: current.username, sessionsRevoked: revoked },
      });
    });
    return { user: await this.getUser(scope, id), temporaryPassword };
  }

  /** Lifts a sign-in lock and clears the failed-attempt count. */
  async unlockUser(scope: Scope, id: number): Promise<UserWithOrg> {
    await this.db.transaction().execute(async (trx) => {
      const current = await this.getUser(scope, id, trx);
      await new UsersRepository(trx).update(id, { failed_attempts: 0, locked_until: null });
      await recordAudit(trx, scope.actor, {
        action: 'user.unlock',
        objectType: 'user',
        objectId: id,
        detail: { username: current.username, failedAttempts: current.failed_attempts },
      });
    });
    return this.getUser(scope, id);
  }

  /** The whole phone number, for a stated reason; the read itself is audited. */
  async readPhone(scope: Scope, id: number, reason: string): Promise<string | null> {
    return this.db.transaction().execute(async (trx) => {
      const user = await this.getUser(scope, id, trx);
      await recordAudit(trx, scope.actor, {
        action: 'user.phone.read',
        objectType: 'user',
        objectId: id,
        subject: { name: user.display_name },
        reason,
        detail: { username: user.username },
      });
      return user.phone_enc ? this.deps.fieldCrypto.decrypt(user.phone_enc) : null;
    });
  }

  private phoneColumns(phone: string | null): { phone_enc: string | null; phone_hash: string | null } {
    if (phone === null) return { phone_enc: null, phone_hash: null };
    return { phone_enc: this.deps.fieldCrypto.encrypt(phone), phone_hash: this.deps.fieldCrypto.blindIndex(phone) };
  }
}
