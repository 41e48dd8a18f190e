import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { hashPassword } from '../security/password.js';

/** The password of every fixture user. */
export const FIXTURE_PASSWORD = 'Lianxin@2026';
let passwordHash: Promise<string> | undefined;

/** Area codes of the fixture county 青溪县 (a fictional county; codes follow the 12-digit scheme). */
export const AREAS = {
  province: '360000000000',
  city: '369900000000',
  county: '369901000000',
  townA: '369901100000',
  villageA1: '369901100201',
  villageA2: '369901100202',
  townB: '369901101000',
  villageB1: '369901101201',
  gridA1: '369901100201001',
} as const;

const AREA_ROWS = [
  { code: AREAS.province, parentCode: null, name: '江西省', level: 'province' },
  { code: AREAS.city, parentCode: AREAS.province, name: '云州市', level: 'city' },
  { code: AREAS.county, parentCode: AREAS.city, name: '青溪县', level: 'county' },
  { code: AREAS.townA, parentCode: AREAS.county, name: '城关镇', level: 'township' },
  { code: AREAS.villageA1, parentCode: AREAS.townA, name: '东门社区', level: 'village' },
  { code: AREAS.villageA2, parentCode: AREAS.townA, name: '西门社区', level: 'village' },
  { code: AREAS.townB, parentCode: AREAS.county, name: '河口乡', level: 'township' },
  { code: AREAS.villageB1, parentCode: AREAS.townB, name: '河口村', level: 'village' },
  { code: AREAS.gridA1, parentCode: AREAS.villageA1, name: '东门社区第一网格', level: 'grid' },
];

const UNIT_ROWS = [
  { id: 'u-center', name: '青溪县群众工作中心', kind: 'center', areaCode: AREAS.county },
  { id: 'u-civil', name: '青溪县民政局', kind: 'department', areaCode: AREAS.county },
  { id: 'u-housing', name: '青溪县住房和城乡建设局', kind: 'department', areaCode: AREAS.county },
  { id: 'u-townA', name: '城关镇人民政府', kind: 'township', areaCode: AREAS.townA },
  { id: 'u-villageA1', name: '东门社区居民委员会', kind: 'village', areaCode: AREAS.villageA1 },
  { id: 'u-villageA2', name: '西门社区居民委员会', kind: 'village', areaCode: AREAS.villageA2 },
  { id: 'u-townB', name: '河口乡人民政府', kind: 'township', areaCode: AREAS.townB },
] as const;

const USER_ROWS = [
  { key: 'registrar', name: '王登记', grants: [['registrar', 'u-center']] },
  { key: 'dispatcher', name: '李派单', grants: [['dispatcher', 'u-center']] },
  { key: 'handler', name: '赵承办', grants: [['handler', 'u-civil']] },
  { key: 'head', name: '钱局长', grants: [['unit_head', 'u-civil']] },
  { key: 'housingHandler', name: '孙住建', grants: [['handler', 'u-housing']] },
  { key: 'supervisor', name: '周督办', grants: [['supervisor', 'u-center']] },
  { key: 'leader', name: '吴县长', grants: [['leader', 'u-center']] },
  { key: 'townRegistrar', name: '郑镇登记', grants: [['registrar', 'u-townA'], ['dispatcher', 'u-townA']] },
  { key: 'cadreA1', name: '冯社区', grants: [['handler', 'u-villageA1'], ['stationed_cadre', 'u-villageA1'], ['registrar', 'u-villageA1']] },
  { key: 'cadreA2', name: '陈社区', grants: [['handler', 'u-villageA2'], ['stationed_cadre', 'u-villageA2'], ['registrar', 'u-villageA2']] },
  { key: 'admin', name: '管理员', grants: [['admin', 'u-center']] },
] as const;

export type FixtureUser = (typeof USER_ROWS)[number]['key'];

export interface FixtureOrg {
  areas: typeof AREAS;
  units: Record<(typeof UNIT_ROWS)[number]['id'], string>;
  users: Record<FixtureUser, string>;
  passwordHash: string;
}

/** Writes the fixture county: areas, units and one user per role. */
export async function createFixtureOrg(db: Kysely<DB>, now: Date): Promise<FixtureOrg> {
  passwordHash ??= hashPassword(FIXTURE_PASSWORD);
  const hash = await passwordHash;
  const createdAt = now.toISOString();
  await db.insertInto('areas').values(AREA_ROWS).execute();
  await db.insertInto('units').values(UNIT_ROWS.map((u) => ({ ...u, phone: null, createdAt }))).execute();
  const users = {} as Record<FixtureUser, string>;
  for (const user of USER_ROWS) {
    const id = `user-${user.key}`;
    users[user.key] = id;
    await db.insertInto('users').values({ id, username: user.key, displayName: user.name, phoneEnc: null, passwordHash: hash, createdAt }).execute();
    await db.insertInto('userRoles').values(user.grants.map(([role, unitId]) => ({ userId: id, unitId, role }))).execute();
  }
  const units = Object.fromEntries(UNIT_ROWS.map((u) => [u.id, u.id])) as FixtureOrg['units'];
  return { areas: AREAS, units, users, passwordHash: hash };
}

/** A valid registration body, overridable field by field. */
export function caseInput(overrides: Record<string, unknown> = {}) {
  return {
    channel: 'phone',
    kind: 'help',
    categoryCode: 'social.dibao',
    title: '申请低保无人答复',
    content: '我家老人今年生病住院，家庭困难，三个月前向社区递交了低保申请材料，至今没有答复，希望尽快审核。',
    requester: { name: '张秀英', phone: '13907981234', idNumber: '11010519491231002X' },
    areaCode: AREAS.villageA1,
    address: '东门社区解放路12号',
    ...overrides,
  };
}
