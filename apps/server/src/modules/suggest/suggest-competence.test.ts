import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClock } from '../../clock.js';
import { migrateToLatest } from '../../db/migrate.js';
import { seedDemo } from '../../db/seed/demo.js';
import { TOWNSHIPS, unitIdOfTownship, unitIdOfVillage } from '../../db/seed/demo/org.js';
import { ensureReferenceData } from '../../db/seed/reference.js';
import { createCipher } from '../../security/cipher.js';
import { createTestDatabase } from '../../test/database.js';
import { createSuggestService } from './suggest.service.js';

/**
 * The unit competence rule across the demo county (issue 18): a case in a village is suggested to
 * that village's township or street, its own village, or a county department — never to another
 * township's government — whatever the matter, with the model trained on the demo's handled cases.
 */
let database: Awaited<ReturnType<typeof createTestDatabase>>;
const MATTERS = [
  ['宅基地建房审批', '我家在村里申请宅基地建房，审批半年了还没有结果，请镇里尽快答复。'],
  ['路灯不亮', '小区门口的路灯坏了一个多月，晚上出行很不安全。'],
  ['低保申请', '家庭困难，老人生病，申请低保一直没有答复。'],
  ['拖欠工资', '在工地干了半年活，老板拖欠工资三万元不给。'],
  ['池塘漏水', '村里的山塘漏水，灌溉用水不够，请修一下。'],
  ['噪音扰民', '楼下烧烤店每天夜里噪音很大，吵得睡不着。'],
];

beforeAll(async () => {
  database = await createTestDatabase();
  await migrateToLatest(database.db, database.schema);
  await ensureReferenceData(database.db);
  await seedDemo({ db: database.db, cipher: createCipher(Buffer.alloc(32, 1)), clock: createClock(new Date('2026-11-20T02:00:00Z')), caseCount: process.env.DATABASE_URL ? 80 : 300 });
}, 600_000);

afterAll(async () => {
  await database?.close();
});

describe('unit suggestion across the demo county', () => {
  it('never suggests another township\'s government, and says which area a government covers', async () => {
    const suggest = createSuggestService({ db: database.db, modelMinCases: 20 });
    const townships = new Set(TOWNSHIPS.map((t) => unitIdOfTownship(t.code)));
    const villages = new Set(TOWNSHIPS.flatMap((t) => t.villages.map((v) => unitIdOfVillage(v.code))));
    let coveringSuggested = 0;
    for (const township of TOWNSHIPS) {
      for (const village of township.villages) {
        for (const [title, content] of MATTERS) {
          const result = await suggest.suggest({} as never, { title: title!, content: content!, areaCode: village.code });
          for (const unit of result.units) {
            if (townships.has(unit.id)) {
              expect(unit.id, `${village.name}: ${title}`).toBe(unitIdOfTownship(township.code));
              expect(unit.reasons).toContainEqual({ kind: 'covers', areaName: village.name });
              coveringSuggested++;
            }
            if (villages.has(unit.id)) expect(unit.id).toBe(unitIdOfVillage(village.code));
          }
        }
      }
    }
    // The covering government is a real suggestion, not a rule that never fires.
    expect(coveringSuggested).toBeGreaterThan(0);
  });

  it('without an area suggests no township or village at all', async () => {
    const suggest = createSuggestService({ db: database.db, modelMinCases: 20 });
    const areaUnits = new Set([...TOWNSHIPS.map((t) => unitIdOfTownship(t.code)), ...TOWNSHIPS.flatMap((t) => t.villages.map((v) => unitIdOfVillage(v.code)))]);
    for (const [title, content] of MATTERS) {
      const result = await suggest.suggest({} as never, { title: title!, content: content! });
      expect(result.units.length).toBeGreaterThan(0);
      for (const unit of result.units) expect(areaUnits.has(unit.id)).toBe(false);
    }
  });

  it('learns a department\'s competence from handled cases and says so', async () => {
    const suggest = createSuggestService({ db: database.db, modelMinCases: 20 });
    const result = await suggest.suggest({} as never, { title: '路灯不亮', content: '小区门口的路灯坏了一个多月', categoryCode: 'urban.roads' });
    const top = result.units[0]!;
    expect(top.reasons.some((r) => r.kind === 'handles' || r.kind === 'default')).toBe(true);
  });
});
