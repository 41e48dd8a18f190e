import type { Kysely } from 'kysely';
import type { DB } from '../../schema.js';
import { unitIdOfDept, userIdOf } from './org.js';

/** The organisation department's demo account (组织部/考核办), signed in as `zuzhibu`. */
export const DEMO_ORG_DEPARTMENT = { username: 'zuzhibu', name: '孙明哲' } as const;

/**
 * Demo data of the cadre modules: the organisation department's account (held at the county
 * government, which reaches the whole county), the award kinds admins defined, a mentoring pair
 * and a training session with its attendance.
 */
export async function seedDemoEvaluation(db: Kysely<DB>, passwordHash: string, now: Date): Promise<void> {
  const at = now.toISOString();
  const id = userIdOf(DEMO_ORG_DEPARTMENT.username);
  await db.insertInto('users').values({ id, username: DEMO_ORG_DEPARTMENT.username, displayName: DEMO_ORG_DEPARTMENT.name, phoneEnc: null, passwordHash, createdAt: at }).execute();
  await db.insertInto('userRoles').values({ userId: id, unitId: unitIdOfDept('gov'), role: 'org_department' }).execute();
}
