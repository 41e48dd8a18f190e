import { randomUUID } from 'node:crypto';
import { ACCESS_RULES, type Role, type StaffQuery, type UserCreate, type UserListQuery, type UserUpdate } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB, UserRow } from '../../db/schema.js';
import { AppError, notFound, outOfScope, unknownReference, unprocessable } from '../../errors.js';
import { assertCan, can, rangesFor } from '../../access/access.js';
import { subtreeRange } from '@lianxin/core';
import type { AuditLog } from '../audit/audit.service.js';
import type { Actor } from '../../access/actor.js';
import { hashPassword } from '../../security/password.js';
import type { Cipher } from '../../security/cipher.js';
import { presentStaffMember, presentUser } from './users.presenter.js';
import { type GrantRow, usersRepository as repo } from './users.repository.js';

export interface UsersServiceDeps {
  db: Kysely<DB>;
  clock: Clock;
  cipher: Cipher;
  audit: AuditLog;
}

type Grant = { role: string; unitId: string };
const ORG_MANAGERS: readonly Role[] = ACCESS_RULES['org.manage'].roles;
const grantKey = (g: Grant) => `${g.role}@${g.unitId}`;
const dedupe = (grants: readonly Grant[]) => [...new Map(grants.map((g) => [grantKey(g), { role: g.role, unitId: g.unitId }])).values()];

/** Each granted unit must exist, be active and lie in the admin's reach (400 / 403 naming the grant). */
async function checkGrants(trx: Transaction<DB>, actor: Actor, grants: readonly Grant[]) {
  const units = new Map((await repo.units(trx, grants.map((g) => g.unitId))).map((u) => [u.id, u]));
  grants.forEach((g, i) => {
    const unit = units.get(g.unitId);
    if (!unit || !unit.isActive) throw unknownReference(`grants.${i}.unitId`, 'unit');
    if (!can(actor, 'org.manage', unit)) throw outOfScope();
  });
}

/** Staff accounts (用户) and their roles, maintained by admins within their area. */
export function createUsersService({ db, clock, cipher, audit }: UsersServiceDeps) {
  /** A user the admin may manage: one holding a role inside the admin's reach. */
  async function manageable(trx: Transaction<DB> | Kysely<DB>, actor: Actor, id: string): Promise<{ user: UserRow; grants: GrantRow[] }> {
    const user = await repo.find(trx, id);
    if (!user) throw notFound();
    const grants = await repo.grantsOf(trx, [id]);
    if (grants.length > 0 && !grants.some((g) => can(actor, 'org.manage', g))) throw outOfScope();
    return { user, grants };
  }

  return {
    /**
     * Colleagues for pickers — any signed-in staff member, as units are (names, units and roles;
     * never phones). Stationed cadres and leaders often sit in county units above the village
     * they serve, so the directory is not limited to the reader's own area.
     */
    async directory(_actor: Actor, query: StaffQuery) {
      const rows = await repo.directory(db, query, query.areaCode ? subtreeRange(query.areaCode) : undefined);
      const grants = await repo.grantsOf(db, rows.map((r) => r.id));
      return rows.map((r) => presentStaffMember(r, grants));
    },

    async list(actor: Actor, query: UserListQuery) {
      const { rows, total } = await repo.page(db, query, rangesFor(actor, 'org.manage'));
      const grants = await repo.grantsOf(db, rows.map((r) => r.id));
      return { items: rows.map((u) => presentUser(u, grants, cipher)), total, page: query.page, pageSize: query.pageSize };
    },

    async get(actor: Actor, id: string) {
      assertCan(actor, 'org.manage');
      const { user, grants } = await manageable(db, actor, id);
      return presentUser(user, grants, cipher);
    },

    async create(actor: Actor, input: UserCreate) {
      assertCan(actor, 'org.manage');
      // Hash before the transaction: argon2 takes a while, and SQLite has one connection.
      const passwordHash = await hashPassword(input.password);
      const grants = dedupe(input.grants);
      const created = await db.transaction().execute(async (trx) => {
        await checkGrants(trx, actor, input.grants);
        if (await repo.findByUsername(trx, input.username)) throw new AppError(409, 'error.taken', {}, 'username');
        const id = randomUUID();
        const row = { id, username: input.username, displayName: input.displayName, phoneEnc: input.phone ? cipher.encrypt(input.phone) : null, passwordHash, locale: input.locale, isActive: 1, createdAt: clock.now().toISOString() };
        await repo.insert(trx, row);
        await repo.replaceGrants(trx, id, grants);
        const detail = { username: row.username, displayName: row.displayName, locale: row.locale, phone: input.phone ? 'set' : null, grants };
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'user', subjectId: id, detail }, trx);
        return { user: (await repo.find(trx, id))!, grants: await repo.grantsOf(trx, [id]) };
      });
      return presentUser(created.user, created.grants, cipher);
    },

    /**
     * Changes a user. `grants` replaces the roles the admin manages (those in units inside the
     * admin's reach); roles elsewhere stay. Deactivating or resetting the password ends sessions.
     */
    async update(actor: Actor, id: string, input: UserUpdate) {
      assertCan(actor, 'org.manage');
      const passwordHash = input.password ? await hashPassword(input.password) : undefined;
      const updated = await db.transaction().execute(async (trx) => {
        const { user, grants: current } = await manageable(trx, actor, id);
        const isSelf = id === actor.userId;
        if (isSelf && input.isActive === false) throw unprocessable('error.self_lockout', {}, 'isActive');

        const changes: Partial<Pick<UserRow, 'displayName' | 'phoneEnc' | 'locale' | 'isActive' | 'passwordHash'>> = {};
        const changed: Record<string, unknown> = {};
        if (input.displayName !== undefined && input.displayName !== user.displayName) changed.displayName = changes.displayName = input.displayName;
        if (input.locale !== undefined && input.locale !== user.locale) changed.locale = changes.locale = input.locale;
        if (input.isActive !== undefined && (input.isActive ? 1 : 0) !== user.isActive) {
          changes.isActive = input.isActive ? 1 : 0;
          changed.isActive = input.isActive;
        }
        if (input.phone !== undefined) {
          changes.phoneEnc = input.phone ? cipher.encrypt(input.phone) : null;
          changed.phone = input.phone ? 'set' : null;
        }
        if (passwordHash) {
          changes.passwordHash = passwordHash;
          changed.password = 'reset';
        }
        if (input.grants) {
          const kept = current.filter((g) => !can(actor, 'org.manage', g));
          const next = dedupe([...input.grants, ...kept]);
          await checkGrants(trx, actor, input.grants);
          // An admin may not take away their own right to manage the organisation.
          if (isSelf && !next.some((g) => ORG_MANAGERS.includes(g.role as Role))) throw unprocessable('error.self_lockout', {}, 'grants');
          const before = current.map(grantKey).sort().join();
          if (next.map(grantKey).sort().join() !== before) {
            await repo.replaceGrants(trx, id, next);
            changed.grants = next;
          }
        }
        if (Object.keys(changed).length === 0) return { user, grants: current };
        if (Object.keys(changes).length) await repo.update(trx, id, changes);
        if (changes.isActive === 0 || changes.passwordHash) await repo.deleteSessions(trx, id, isSelf ? actor.sessionId : undefined);
        const action = changes.isActive === 0 ? 'deactivate' : 'update';
        await audit.append({ actorUserId: actor.userId, action, subjectType: 'user', subjectId: id, detail: { changed } }, trx);
        return { user: (await repo.find(trx, id))!, grants: await repo.grantsOf(trx, [id]) };
      });
      return presentUser(updated.user, updated.grants, cipher);
    },

    /** Lifts the lock that failed sign-ins put on the account, and starts their count again. */
    async unlock(actor: Actor, id: string) {
      assertCan(actor, 'org.manage');
      const unlocked = await db.transaction().execute(async (trx) => {
        const { user } = await manageable(trx, actor, id);
        if (user.lockedAt === null && user.failedSignIns === 0) return { user, grants: await repo.grantsOf(trx, [id]) };
        await repo.update(trx, id, { lockedAt: null, failedSignIns: 0, lastFailedSignInAt: null });
        await audit.append({ actorUserId: actor.userId, action: 'unlock', subjectType: 'user', subjectId: id, detail: { lockedAt: user.lockedAt, failedSignIns: user.failedSignIns } }, trx);
        return { user: (await repo.find(trx, id))!, grants: await repo.grantsOf(trx, [id]) };
      });
      return presentUser(unlocked.user, unlocked.grants, cipher);
    },
  };
}
export type UsersService = ReturnType<typeof createUsersService>;
