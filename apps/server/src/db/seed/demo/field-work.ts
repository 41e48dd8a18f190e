import { randomUUID } from 'node:crypto';
import { addLocalDays, localDate, startOfLocalDay } from '@lianxin/core';
import type { Insertable, Kysely } from 'kysely';
import type { CheckInTable, VisitTable } from '../../field-work.tables.js';
import { isoWeekday, mondayOf } from '../../../modules/field-work/weeks.js';
import type { Cipher } from '../../../security/cipher.js';
import type { DB } from '../../schema.js';
import { TOWNSHIPS, userIdOf } from './org.js';
import { createPeople } from './people.js';
import { createRng, type Rng } from './random.js';

/**
 * Field work of 青溪县 over the past eight weeks (SPEC §4): every village cadre and the first
 * secretary 邓志远 stationed in their village, visits and check-ins on the days they were there
 * (石门村's 邓水生 is there only two days in several weeks, so the report flags him), problems
 * found (the demo cases of channel 走访发现 are linked to the visit that found them), a Monday
 * joint office day in every village (Wednesday in 河口乡), a published leader reception schedule
 * with appointments, and this winter's 三送 campaign about half covered.
 */

const WEEKS = 8;
const NON_COMPLIANT = 'shimen';

const NOTES = [
  '入户了解家庭收入和身体状况，老人精神不错，叮嘱按时服药。',
  '宣传城乡居民医保缴费政策，帮助在手机上完成缴费。',
  '了解孩子上学情况，家长反映校车时间不合适，已记录。',
  '查看房屋安全，外墙有裂缝，建议尽快申请危房鉴定。',
  '讲解防范电信诈骗知识，留下联系卡，有事随时打电话。',
  '回访上次反映的路灯问题，已修好，群众表示满意。',
  '召集村民小组长开会，听取对村道硬化的意见。',
  '走访种植大户，了解晚稻收购价格和销售困难。',
  '慰问独居老人，送去米和油，检查用电安全。',
  '调解邻里排水纠纷，双方同意共同清理水沟。',
];
const PROBLEMS: ReadonlyArray<[string, string]> = [
  ['村口路灯坏了三盏，晚上出行不安全', 'urban.roads'],
  ['自来水水压不足，早晚高峰停水', 'utilities.water'],
  ['老人残疾补贴两个月没有到账', 'social.disability'],
  ['垃圾收集点清运不及时，有异味', 'environment.sanitation'],
  ['灌溉水渠堵塞，影响下季播种', 'agriculture.irrigation'],
  ['低保申请材料已交，迟迟没有答复', 'social.dibao'],
];
const PLACES = ['村委会', '村民小组活动室', '田间地头', '村便民服务中心', '老年活动中心'];
const MATTERS = ['反映征地补偿款发放不到位的问题', '宅基地审批进度咨询', '企业拖欠工资，多次讨要无果', '小区物业收费不规范', '孩子入学户籍问题', '危房改造补助申请'];

/** Instant at `minutes` after local midnight of `date`. */
const at = (date: string, minutes: number) => new Date(startOfLocalDay(date).getTime() + minutes * 60_000);

interface Household {
  id: string;
  areaCode: string;
  address: string;
  lat: number | null;
  lng: number | null;
  tagCodes: string;
}

/** The cadres stationed in each village: the village cadre, and the first secretary in 凤岭村. */
function stationedCadres() {
  const list: Array<{ userId: string; username: string; villageCode: string; lat: number; lng: number }> = [];
  for (const t of TOWNSHIPS) for (const v of t.villages) list.push({ userId: userIdOf(v.cadre.username), username: v.cadre.username, villageCode: v.code, lat: v.lat, lng: v.lng });
  const fengling = list.find((c) => c.villageCode === '369901100202')!;
  list.push({ ...fengling, userId: userIdOf('cadre'), username: 'cadre' });
  return list;
}

/** Days a cadre was in the village in the week starting `monday` (before `today`). */
function daysPresent(rng: Rng, username: string, monday: string, today: string, week: number): string[] {
  // The first secretary's rule is four days a week; everyone else keeps to the global three.
  const wanted = username === NON_COMPLIANT && week % 3 !== 0 ? 2 : rng.int(username === 'cadre' ? 4 : 3, 5);
  const days = rng.shuffle([0, 1, 2, 3, 4, 5]).slice(0, wanted).sort();
  return days.map((d) => addLocalDays(monday, d)).filter((d) => d < today);
}

export async function seedDemoFieldWork({ db, cipher, now, seed }: { db: Kysely<DB>; cipher: Cipher; now: Date; seed: number }) {
  const rng = createRng(seed).fork('field-work');
  const people = createPeople(rng.fork('people'), now.getUTCFullYear());
  const nowIso = now.toISOString();
  const today = localDate(now);
  const firstMonday = addLocalDays(mondayOf(today), -7 * WEEKS);
  const households = (await (db as unknown as Kysely<{ households: Household }>).selectFrom('households').select(['id', 'areaCode', 'lat', 'lng', 'tagCodes']).orderBy('areaCode').orderBy('address').execute()) as Household[];
  const inVillage = (code: string) => households.filter((h) => h.areaCode.startsWith(code));
  const cadres = stationedCadres();

  // 三送: this winter's campaign over the county, for the households that need it most.
  const year = Number(today.slice(0, 4));
  const campaignId = randomUUID();
  await db
    .insertInto('campaigns')
    .values({ id: campaignId, name: `${year}年冬季“三送”活动`, areaCode: '369901000000', startsOn: addLocalDays(today, -28), endsOn: addLocalDays(today, 30), description: '送政策、送温暖、送服务：走访低保、特困、独居老人和残疾人家庭，宣传政策，解决实际困难。', createdBy: userIdOf('dispatcher'), createdAt: nowIso, updatedAt: nowIso })
    .execute();
  const needy = households.filter((h) => /,(dibao|tekun|elderly_alone|disabled),/.test(h.tagCodes));
  const cadreOfVillage = new Map(cadres.filter((c) => c.username !== 'cadre').map((c) => [c.villageCode, c.userId]));
  const targets = needy.map((h) => ({ campaignId, householdId: h.id, areaCode: h.areaCode, cadreUserId: cadreOfVillage.get(h.areaCode.slice(0, 12)) ?? null, visitedAt: null as string | null, visitId: null as string | null, addedAt: addLocalDays(today, -28) + 'T01:00:00.000Z' }));
  const toCover = new Set(rng.shuffle(targets).slice(0, Math.floor(targets.length / 2)).map((t) => t.householdId));

  const assignments = cadres.map((c) => ({ id: randomUUID(), cadreUserId: c.userId, villageCode: c.villageCode, startsOn: addLocalDays(firstMonday, -56), endsOn: null, minDaysPerWeek: c.username === 'cadre' ? 4 : null, note: c.username === 'cadre' ? '县农业农村局选派驻村第一书记' : null, createdBy: userIdOf('dispatcher'), createdAt: nowIso, updatedAt: nowIso }));
  await db.insertInto('stationingAssignments').values(assignments).execute();

  const visits: Insertable<VisitTable>[] = [];
  const links: Array<{ visitId: string; householdId: string }> = [];
  const checkIns: Insertable<CheckInTable>[] = [];
  const problems: Array<{ id: string; visitId: string; seq: number; text: string; categoryCode: string; householdId: string | null; caseId: string | null; convertedAt: string | null; convertedBy: string | null }> = [];
  const presence = new Map<string, string[]>();
  for (const cadre of cadres) {
    const crng = rng.fork(cadre.username);
    const homes = inVillage(cadre.villageCode);
    for (let week = 0; week < WEEKS + 1; week++) {
      const monday = addLocalDays(firstMonday, 7 * week);
      for (const date of daysPresent(crng, cadre.username, monday, today, week)) {
        presence.set(cadre.userId, [...(presence.get(cadre.userId) ?? []), date]);
        if (crng.chance(0.2) || homes.length === 0) {
          checkIns.push({ id: randomUUID(), cadreUserId: cadre.userId, at: at(date, crng.int(510, 560)).toISOString(), localDate: date, areaCode: cadre.villageCode, lat: cadre.lat, lng: cadre.lng, accuracyM: crng.int(5, 40), visitId: null });
          continue;
        }
        for (let n = crng.int(1, 3); n > 0; n--) {
          const home = crng.pick(homes);
          const occurred = at(date, crng.int(540, 1050)).toISOString();
          const id = randomUUID();
          const checked = crng.chance(0.7) && home.lat !== null;
          visits.push({
            id,
            cadreUserId: cadre.userId,
            kind: crng.weighted({ visit: 60, revisit: 22, appointment: 9, outreach: 9 }),
            occurredAt: occurred,
            localDate: date,
            areaCode: home.areaCode,
            place: null,
            lat: checked ? home.lat! + crng.float(-0.0003, 0.0003) : null,
            lng: checked ? home.lng! + crng.float(-0.0003, 0.0003) : null,
            checkedIn: checked ? 1 : 0,
            accuracyM: checked ? crng.int(5, 30) : null,
            notes: crng.pick(NOTES),
            delivered: JSON.stringify(crng.chance(0.5) ? [crng.pick(['policy', 'warmth', 'service'])] : []),
            campaignId: null,
            caseId: null,
            createdAt: occurred,
          });
          links.push({ visitId: id, householdId: home.id });
          if (checked) checkIns.push({ id: randomUUID(), cadreUserId: cadre.userId, at: occurred, localDate: date, areaCode: home.areaCode, lat: home.lat!, lng: home.lng!, accuracyM: 10, visitId: id });
          if (crng.chance(0.12)) {
            const [text, categoryCode] = crng.pick(PROBLEMS);
            problems.push({ id: randomUUID(), visitId: id, seq: 1, text, categoryCode, householdId: home.id, caseId: null, convertedAt: null, convertedBy: null });
          }
        }
      }
    }
  }

  // Half of the campaign's households were visited for it in the last four weeks, on days their cadre was there.
  for (const target of targets) {
    if (!toCover.has(target.householdId) || !target.cadreUserId) continue;
    const days = (presence.get(target.cadreUserId) ?? []).filter((d) => d >= addLocalDays(today, -28));
    if (days.length === 0) continue;
    const date = rng.pick(days);
    const home = households.find((h) => h.id === target.householdId)!;
    const occurred = at(date, rng.int(540, 1050)).toISOString();
    const id = randomUUID();
    visits.push({ id, cadreUserId: target.cadreUserId, kind: 'visit', occurredAt: occurred, localDate: date, areaCode: home.areaCode, place: null, lat: home.lat, lng: home.lng, checkedIn: home.lat === null ? 0 : 1, accuracyM: home.lat === null ? null : 12, notes: rng.pick(['送去棉被、大米和食用油，讲解冬季取暖用电安全。', '宣讲低保、医保和临时救助政策，核对家庭情况。', '帮助预约家庭医生上门体检，登记用药需求。']), delivered: JSON.stringify(['policy', 'warmth', ...(rng.chance(0.5) ? ['service'] : [])]), campaignId, caseId: null, createdAt: occurred });
    links.push({ visitId: id, householdId: home.id });
    Object.assign(target, { visitedAt: occurred, visitId: id });
  }

  // The demo cases of channel 走访发现 came from a visit: give each recent one the visit that found it.
  const fieldCases = await db.selectFrom('cases').select(['id', 'title', 'categoryCode', 'areaCode', 'receivedAt', 'registeredBy']).where('channel', '=', 'field').where('receivedAt', '>=', startOfLocalDay(firstMonday).toISOString()).orderBy('receivedAt').execute();
  for (const c of fieldCases) {
    const cadre = cadres.find((x) => x.username !== 'cadre' && c.areaCode.startsWith(x.villageCode));
    if (!cadre) continue;
    const occurred = new Date(new Date(c.receivedAt).getTime() - rng.int(20, 90) * 60_000);
    const id = randomUUID();
    visits.push({ id, cadreUserId: cadre.userId, kind: 'visit', occurredAt: occurred.toISOString(), localDate: localDate(occurred), areaCode: c.areaCode, place: rng.pick(PLACES), lat: null, lng: null, checkedIn: 0, accuracyM: null, notes: '走访中群众当面反映，已现场登记并转为诉求件。', delivered: '[]', campaignId: null, caseId: null, createdAt: occurred.toISOString() });
    problems.push({ id: randomUUID(), visitId: id, seq: 1, text: c.title, categoryCode: c.categoryCode, householdId: null, caseId: c.id, convertedAt: c.receivedAt, convertedBy: c.registeredBy });
  }

  const chunked = async <T>(rows: T[], insert: (part: T[]) => Promise<unknown>) => {
    for (let i = 0; i < rows.length; i += 200) await insert(rows.slice(i, i + 200));
  };
  await chunked(visits, (part) => db.insertInto('visits').values(part).execute());
  await chunked(links, (part) => db.insertInto('visitHouseholds').values(part).execute());
  await chunked(checkIns, (part) => db.insertInto('checkIns').values(part).execute());
  await chunked(problems, (part) => db.insertInto('visitProblems').values(part).execute());
  await chunked(targets, (part) => db.insertInto('campaignTargets').values(part).execute());

  const office = await seedOfficeDays(db, rng.fork('office'), firstMonday, today, nowIso);
  const reception = await seedReception(db, cipher, rng.fork('reception'), people, today, nowIso);
  return { assignments: assignments.length, visits: visits.length, checkIns: checkIns.length, campaignTargets: targets.length, campaignVisited: targets.filter((t) => t.visitedAt).length, ...office, ...reception };
}

/** Monday joint office days in every village (Wednesday in 河口乡), eight weeks back and four ahead. */
async function seedOfficeDays(db: Kysely<DB>, rng: Rng, firstMonday: string, today: string, nowIso: string) {
  const holidays = new Set((await db.selectFrom('calendarDays').select('date').where('kind', '=', 'holiday').execute()).map((d) => d.date));
  const sessions: Array<{ id: string; villageCode: string; date: string; scheduleId: string; place: string; createdAt: string }> = [];
  const attendance: Array<{ sessionId: string; userId: string; recordedBy: string; recordedAt: string }> = [];
  for (const t of TOWNSHIPS) {
    const weekday = t.key === 'hekou' ? 3 : 1;
    for (const v of t.villages) {
      const scheduleId = randomUUID();
      const place = `${v.name}党群服务中心`;
      await db.insertInto('officeDaySchedules').values({ id: scheduleId, villageCode: v.code, weekday, place, isActive: 1, createdAt: nowIso, updatedAt: nowIso }).execute();
      for (let date = firstMonday; date <= addLocalDays(today, 28); date = addLocalDays(date, 1)) {
        if (isoWeekday(date) !== weekday || holidays.has(date)) continue;
        const id = randomUUID();
        sessions.push({ id, villageCode: v.code, date, scheduleId, place, createdAt: nowIso });
        if (date > today) continue;
        const recordedAt = at(date, 700).toISOString();
        attendance.push({ sessionId: id, userId: userIdOf(v.cadre.username), recordedBy: userIdOf(v.cadre.username), recordedAt });
        if (rng.chance(0.8)) attendance.push({ sessionId: id, userId: userIdOf(t.staff.desk), recordedBy: userIdOf(v.cadre.username), recordedAt });
        if (rng.chance(0.4)) attendance.push({ sessionId: id, userId: userIdOf(rng.pick(['handler', 'renshe.handler', 'ziran.handler', 'sifa.handler'])), recordedBy: userIdOf(v.cadre.username), recordedAt });
      }
    }
  }
  for (let i = 0; i < sessions.length; i += 200) await db.insertInto('officeDaySessions').values(sessions.slice(i, i + 200)).execute();
  for (let i = 0; i < attendance.length; i += 200) await db.insertInto('officeDayAttendance').values(attendance.slice(i, i + 200)).execute();
  return { officeDaySessions: sessions.length };
}

/** A Thursday-morning leader reception day: four past (with cases taken) and four published ahead. */
async function seedReception(db: Kysely<DB>, cipher: Cipher, rng: Rng, people: ReturnType<typeof createPeople>, today: string, nowIso: string) {
  const thursday = addLocalDays(mondayOf(today), 3);
  const receptionCases = await db.selectFrom('cases').select(['id', 'receivedAt']).where('channel', '=', 'leader_reception').orderBy('receivedAt', 'desc').limit(8).execute();
  let appointments = 0;
  for (let w = -4; w < 4; w++) {
    const date = addLocalDays(thursday, 7 * w);
    const id = randomUUID();
    const past = date < today;
    const leader = w % 2 === 0 ? 'leader' : 'leader2';
    await db
      .insertInto('receptionSessions')
      .values({ id, leaderUserId: userIdOf(leader), areaCode: '369901000000', startsAt: at(date, 540).toISOString(), endsAt: at(date, 690).toISOString(), place: '青溪县群众工作中心一楼接待室', topic: rng.pick([null, '征地拆迁专场', '欠薪问题专场', '教育医疗专场']), capacity: 8, isPublished: 1, isCancelled: 0, createdBy: userIdOf('dispatcher'), createdAt: nowIso, updatedAt: nowIso })
      .execute();
    for (let n = past ? rng.int(3, 6) : rng.int(0, 4); n > 0; n--) {
      const person = people.person({ minAge: 30, maxAge: 75 });
      const status = past ? rng.weighted({ done: 80, cancelled: 20 }) : rng.weighted({ requested: 60, confirmed: 40 });
      await db
        .insertInto('receptionAppointments')
        .values({ id: randomUUID(), sessionId: id, nameEnc: cipher.encrypt(person.name), phoneEnc: cipher.encrypt(person.phone), phoneKey: cipher.blindIndex(person.phone), matter: rng.pick(MATTERS), status, channel: rng.chance(0.6) ? 'portal' : 'staff', caseId: null, createdBy: null, createdAt: nowIso, updatedAt: nowIso })
        .execute();
      appointments++;
    }
    if (past) {
      for (const c of receptionCases.splice(0, 2)) await db.insertInto('receptionSessionCases').values({ sessionId: id, caseId: c.id, linkedBy: userIdOf('dispatcher'), linkedAt: at(date, 700).toISOString() }).execute();
    }
  }
  return { receptionSessions: 8, appointments };
}
