import type { Services } from '../../../services.js';
import { demoActor } from './actors.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** 城关镇: the township running the demo's resettlement project; its desk account `chengguan` manages it. */
const TOWNSHIP = '369901100000';
const VILLAGES = ['369901100201', '369901100202']; // 城郊村, 凤岭村

/**
 * One resettlement project like seed 002 (雪山片区四村整合): 城郊村 and 凤岭村 move to the 城郊安置小区.
 * The households concerned, the policy, the selection method, the compensation standard and the
 * minutes of the representatives' meeting made public, eligible households with their entitlement,
 * 48 flats in three buildings, booking slots, a finished lottery from a published seed, and the
 * first households' choices at two desks. Everything goes through the real services.
 */
export async function seedDemoProjects(services: Services, end: number): Promise<string | null> {
  const { db, clock, projects, selection } = services;
  const desk = demoActor('chengguan');
  const households = await db
    .selectFrom('households')
    .select(['id', 'memberCount'])
    .where('archivedAt', 'is', null)
    .where('areaCode', 'in', VILLAGES)
    .orderBy('areaCode')
    .orderBy('id')
    .limit(24)
    .execute();
  if (households.length < 4) return null;

  clock.set(new Date(end - 20 * DAY));
  const project = await projects.create(desk, {
    name: '城郊片区安置房建设项目',
    areaCode: TOWNSHIP,
    leadUnitId: desk.grants[0]!.unitId,
    description: '城郊村、凤岭村整合搬迁，安置至城郊安置小区。镇党委组织干部入户宣讲政策、征求安置房选址与户型意见，分别召开村两委会、党员代表会、群众代表会。',
    orderRule: 'lottery',
    households: { ids: households.map((h) => h.id) },
  });
  const disclose = (kind: 'policy' | 'method' | 'standard' | 'minutes' | 'list', title: string, body: string) => projects.disclose(desk, project.id, { kind, title, body, isPublic: true });
  await disclose('policy', '城郊片区房屋征收与安置政策', '依据《国有土地上房屋征收与补偿条例》及县政府有关规定，对城郊村、凤岭村范围内合法房屋实行产权调换或货币补偿，由被征收户自愿选择。安置面积按户籍人口核定，每人40平方米，不足80平方米的按80平方米安置。');
  await disclose('method', '安置房选房办法', '选房顺序由公开摇号产生：摇号种子在摇号前一日公布，按“种子:登记号”的SHA-256值由小到大排定顺序，任何人可据此复核。选房当日按顺序叫号，被叫号户在剩余房源中自主选择，选定后当场签订选房确认书。过号户可在当日末轮补选。');
  await disclose('standard', '房屋征收补偿标准', '住宅房屋重置价：砖混结构每平方米1280元，砖木结构每平方米980元；搬迁补助费每户每次3000元；临时安置费每月每平方米12元，按18个月计发；按期签约搬迁奖励每户20000元。');
  await disclose('minutes', '城郊片区群众代表会议纪要', '会议由镇党委副书记主持，两村群众代表46人参加。会议听取了安置房选址（城郊安置小区）和户型设置（90、110、130平方米三种）的说明，代表们提出增加电梯、预留停车位等意见，会议决定吸收采纳后报镇党委研究。');

  clock.set(new Date(end - 12 * DAY));
  const eligible = households.map((h) => {
    const people = Math.max(2, Math.min(6, Number(h.memberCount) || 3));
    return { householdId: h.id, entitledArea: Math.max(80, people * 40) + 10, people };
  });
  await selection.setHouseholds(desk, project.id, { households: eligible });
  const flats = [];
  for (const building of ['1', '2', '3']) {
    for (let floor = 2; floor <= 9; floor++) {
      for (const [unit, size, type] of [['1', 90, '两室两厅'], ['2', 130, '三室两厅']] as const) flats.push({ building, unit, floor, number: `${floor}0${unit}`, size, type });
    }
  }
  await selection.addFlats(desk, project.id, { flats });
  const day = new Date(end - 2 * DAY);
  const slotAt = (h: number) => new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), h - 8)).toISOString();
  const withSlots = await selection.addSlots(desk, project.id, {
    slots: [
      { startsAt: slotAt(9), endsAt: slotAt(11), capacity: 12 },
      { startsAt: slotAt(14), endsAt: slotAt(17), capacity: 12 },
    ],
  });
  for (const [i, h] of withSlots.households.entries()) await selection.book(desk, project.id, h.id, withSlots.slots[i % 2]!.id);

  clock.set(new Date(end - 3 * DAY));
  await selection.draw(desk, project.id, { rule: 'lottery', seed: '2026年第330期福彩3D开奖号码 418（摇号前一日公布）' });

  // The selection day began: the first six households in order chose at two desks.
  clock.set(new Date(end - 2 * DAY));
  for (let i = 0; i < 6; i++) {
    const deskName = i % 2 ? '2号台' : '1号台';
    const called = await selection.callNext(desk, project.id, deskName);
    const h = called.households.find((x) => x.state === 'called' && x.desk === deskName)!;
    const flat = called.flats.find((f) => !f.taken && f.size <= h.entitledArea);
    if (!flat) break;
    clock.set(new Date(clock.now().getTime() + 20 * 60_000));
    await selection.confirm(desk, project.id, h.id, { flatId: flat.id, desk: deskName });
  }
  clock.set(new Date(end));
  return project.id;
}
