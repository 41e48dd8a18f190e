import { randomUUID } from 'node:crypto';
import { maskName, type MemberInput } from '@lianxin/core';
import type { Insertable, Kysely } from 'kysely';
import { tagText } from '../../../modules/households/households.presenter.js';
import { HOUSEHOLD_CHANGE_COUNTER } from '../../../modules/households/households.repository.js';
import { memberRow } from '../../../modules/households/households.service.js';
import { subtreeRange } from '@lianxin/core';
import type { Cipher } from '../../../security/cipher.js';
import type { DB, HouseholdHelpTable, HouseholdMemberTable, HouseholdTable } from '../../schema.js';
import { TOWNSHIPS, unitIdOfDept, unitIdOfTownship, userIdOf, type VillageDef } from './org.js';
import { createPeople, type Person } from './people.js';
import { createRng, type Rng } from './random.js';

/**
 * Demo households (民情档案) of 青溪县: about 16 per village or community, placed around its
 * centre (or its grids), with members, tags in realistic proportions, the village cadre as contact
 * cadre, help received by the needy, and village boundaries so the map is drawn with no tiles.
 * Some heads are residents who brought demo cases, so a household's history shows their cases
 * (matched by the blind index of the phone, as in production).
 */

const TAG_ODDS: ReadonlyArray<[string, number]> = [
  ['dibao', 0.12],
  ['tekun', 0.03],
  ['disabled', 0.07],
  ['elderly_alone', 0.1],
  ['left_behind_child', 0.06],
  ['veteran', 0.05],
  ['key_person', 0.02],
  ['party_member', 0.1],
];

const NEEDS = ['房屋年久失修，雨季漏雨，希望纳入危房改造', '老人行动不便，需要定期上门送药', '孩子上学路远，希望解决校车接送', '申请低保，材料已交村委会', '家中劳动力外出务工，需帮助收割晚稻', '希望安排公益性岗位就业', '自来水压力不足，高峰时段停水', '医保报销手续不清楚，需要代办', '残疾人两项补贴尚未到账', '希望协调修缮入户道路'];

const HELP: ReadonlyArray<{ kind: string; text: string; amount?: [number, number]; unit: 'minzheng' | 'township' | 'weijian' | 'renshe' }> = [
  { kind: 'subsidy', text: '临时救助金', amount: [500, 2000], unit: 'minzheng' },
  { kind: 'goods', text: '春节慰问：大米一袋、食用油一桶', amount: [200, 400], unit: 'township' },
  { kind: 'service', text: '家庭医生上门体检', unit: 'weijian' },
  { kind: 'policy', text: '落实城乡低保，按月发放', unit: 'minzheng' },
  { kind: 'employment', text: '推荐到县工业园区就业', unit: 'renshe' },
  { kind: 'goods', text: '重阳节慰问品', amount: [100, 300], unit: 'township' },
];

const RELATIVES: ReadonlyArray<{ relationship: MemberInput['relationship']; age: [number, number]; odds: number }> = [
  { relationship: 'spouse', age: [25, 80], odds: 0.8 },
  { relationship: 'child', age: [1, 30], odds: 0.7 },
  { relationship: 'child', age: [1, 25], odds: 0.4 },
  { relationship: 'parent', age: [60, 92], odds: 0.3 },
  { relationship: 'grandchild', age: [1, 12], odds: 0.15 },
];

/** An irregular octagon of `radius` degrees around a centre, as GeoJSON Polygon text. */
function boundaryAround(rng: Rng, lat: number, lng: number, radius: number): string {
  const ring: [number, number][] = [];
  for (let i = 0; i < 8; i++) {
    const angle = (i / 8) * 2 * Math.PI + rng.float(-0.2, 0.2);
    const r = radius * rng.float(0.8, 1.1);
    ring.push([Number((lng + (r * Math.cos(angle)) / Math.cos((lat * Math.PI) / 180)).toFixed(6)), Number((lat + r * Math.sin(angle)).toFixed(6))]);
  }
  ring.push(ring[0]);
  return JSON.stringify({ type: 'Polygon', coordinates: [ring] });
}

/** Residents who brought cases in a village: their names and phones, from the encrypted columns. */
async function requestersOf(db: Kysely<DB>, cipher: Cipher, village: string) {
  const [lo, hi] = subtreeRange(village);
  const rows = await db
    .selectFrom('cases')
    .select(['requesterNameEnc', 'requesterPhoneEnc'])
    .where('areaCode', '>=', lo)
    .where('areaCode', '<', hi)
    .where('anonymous', '=', 0)
    .where('requesterPhoneEnc', 'is not', null)
    .where('requesterNameEnc', 'is not', null)
    .limit(12)
    .execute();
  const seen = new Set<string>();
  return rows
    .map((r) => ({ name: cipher.decrypt(r.requesterNameEnc!), phone: cipher.decrypt(r.requesterPhoneEnc!) }))
    .filter((p) => !seen.has(p.phone) && seen.add(p.phone));
}

/** Seeds the demo households; returns how many were written. */
export async function seedDemoHouseholds({ db, cipher, now, seed, perVillage = 16 }: { db: Kysely<DB>; cipher: Cipher; now: Date; seed: number; perVillage?: number }) {
  const rng = createRng(seed).fork('households');
  const people = createPeople(rng.fork('people'), now.getUTCFullYear());
  const nowIso = now.toISOString();
  const households: Insertable<HouseholdTable>[] = [];
  const members: Insertable<HouseholdMemberTable>[] = [];
  const tags: { householdId: string; tagCode: string }[] = [];
  const help: Insertable<HouseholdHelpTable>[] = [];
  const counter = await db.selectFrom('counters').select('value').where('name', '=', HOUSEHOLD_CHANGE_COUNTER).executeTakeFirstOrThrow();
  let seq = Number(counter.value);

  for (const township of TOWNSHIPS) {
    await db.updateTable('areas').set({ boundary: boundaryAround(rng, township.lat, township.lng, 0.035) }).where('code', '=', township.code).execute();
    for (const village of township.villages) {
      await db.updateTable('areas').set({ boundary: boundaryAround(rng, village.lat, village.lng, village.urban ? 0.005 : 0.009) }).where('code', '=', village.code).execute();
      const requesters = await requestersOf(db, cipher, village.code);
      for (let i = 0; i < perVillage; i++) {
        const id = randomUUID();
        const place = placeIn(rng, village);
        const head: Person & { fromCase?: boolean } = people.person({ minAge: 28, maxAge: 88 });
        const requester = i % 3 === 0 ? requesters[i / 3] : undefined;
        if (requester) Object.assign(head, { name: requester.name, phone: requester.phone, fromCase: true });
        const list: MemberInput[] = [{ name: head.name, relationship: 'head', gender: head.male ? 'male' : 'female', birthDate: String(head.birthYear), phone: head.phone, ...(head.fromCase ? {} : { idNumber: head.idNumber }) }];
        const alone = head.birthYear < now.getUTCFullYear() - 70 && rng.chance(0.35);
        if (!alone) {
          for (const r of RELATIVES) {
            if (!rng.chance(r.odds)) continue;
            const p = people.person({ minAge: r.age[0], maxAge: r.age[1] });
            list.push({ name: r.relationship === 'spouse' ? people.name(!head.male) : p.name, relationship: r.relationship, birthDate: String(p.birthYear), ...(p.birthYear < now.getUTCFullYear() - 16 ? { idNumber: p.idNumber, phone: p.phone } : {}) });
          }
        }
        const codes = TAG_ODDS.filter(([code, odds]) => (code === 'elderly_alone' ? alone : rng.chance(odds))).map(([code]) => code);
        households.push({
          id,
          areaCode: place.areaCode,
          address: place.address,
          lat: place.lat,
          lng: place.lng,
          headNameEnc: cipher.encrypt(head.name),
          headNameMasked: maskName(head.name),
          contactUserId: userIdOf(village.cadre.username),
          tagCodes: tagText(codes),
          memberCount: list.length,
          needs: rng.chance(0.4) ? rng.pick(NEEDS) : null,
          notes: null,
          archivedAt: null,
          createdBy: userIdOf(village.cadre.username),
          createdAt: nowIso,
          updatedAt: nowIso,
          changeSeq: ++seq,
        });
        list.forEach((m, sort) => members.push(memberRow(cipher, id, m, sort, nowIso)));
        for (const code of codes) tags.push({ householdId: id, tagCode: code });
        if (codes.some((c) => ['dibao', 'tekun', 'elderly_alone', 'disabled'].includes(c))) {
          for (let h = rng.int(1, 3); h > 0; h--) {
            const item = rng.pick(HELP);
            const given = new Date(now.getTime() - rng.int(5, 170) * 86_400_000);
            help.push({
              id: randomUUID(),
              householdId: id,
              kind: item.kind,
              description: item.text,
              amount: item.amount ? rng.int(item.amount[0], item.amount[1]) : null,
              unitId: item.unit === 'township' ? unitIdOfTownship(township.code) : unitIdOfDept(item.unit),
              provider: null,
              givenOn: given.toISOString().slice(0, 10),
              recordedBy: userIdOf(village.cadre.username),
              createdAt: given.toISOString(),
            });
          }
        }
      }
    }
  }
  for (let i = 0; i < households.length; i += 200) await db.insertInto('households').values(households.slice(i, i + 200)).execute();
  for (let i = 0; i < members.length; i += 200) await db.insertInto('householdMembers').values(members.slice(i, i + 200)).execute();
  for (let i = 0; i < tags.length; i += 400) await db.insertInto('householdTags').values(tags.slice(i, i + 400)).execute();
  for (let i = 0; i < help.length; i += 200) await db.insertInto('householdHelp').values(help.slice(i, i + 200)).execute();
  await db.updateTable('counters').set({ value: seq }).where('name', '=', HOUSEHOLD_CHANGE_COUNTER).execute();
  return { households: households.length, members: members.length, help: help.length };
}

/** An address and a position in the village (or one of its grids). */
function placeIn(rng: Rng, v: VillageDef) {
  const grid = v.grids?.length ? rng.pick(v.grids) : null;
  const centre = grid ?? v;
  const spread = grid ? 0.0015 : v.urban ? 0.003 : 0.006;
  const address = v.urban ? `${rng.pick(v.estates)}${rng.int(1, 12)}栋${rng.int(1, 6)}单元${rng.int(1, 6)}0${rng.int(1, 4)}室` : `${rng.pick(v.places)}${rng.int(1, 60)}号`;
  return {
    areaCode: grid?.code ?? v.code,
    address: v.urban ? `${rng.pick(v.places)}${address}` : address,
    lat: Number((centre.lat + rng.float(-spread, spread)).toFixed(6)),
    lng: Number((centre.lng + rng.float(-spread, spread)).toFixed(6)),
  };
}
