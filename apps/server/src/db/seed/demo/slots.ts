import { localDate } from '@lianxin/core';
import type { TownshipDef, VillageDef } from './org.js';
import type { Rng } from './random.js';

/**
 * The {slots} of the templates: places of the case's village, plausible people, amounts and
 * months. A slot drawn once keeps its value for the whole case, so the title, the content and
 * the reply speak of the same road, the same company and the same sum.
 */

const SURNAMES = Array.from('张王李刘陈杨黄赵吴周徐孙胡朱高林何郭罗曾熊邓肖彭万涂');
const FIRMS = ['鑫达', '宏远', '恒升', '瑞丰', '金泰', '华盛', '润昌', '天宇', '佳禾', '永兴', '隆源', '赣青'];

const POOLS: Readonly<Record<string, readonly string[]>> = {
  fam: ['母亲', '父亲', '老伴', '爱人', '儿子', '女儿', '婆婆', '公公'],
  illness: ['尿毒症', '脑梗后遗症', '肺癌', '乳腺癌', '严重糖尿病并发症', '类风湿关节炎', '白血病', '精神分裂症'],
  day: ['前天', '昨天上午', '昨天傍晚', '上周五', '这周一', '三天前'],
  hours: ['十多个小时', '将近两天', '一整天', '三十多个小时'],
  trade: ['木工', '钢筋工', '泥水工', '架子工', '水电工', '油漆工'],
  site: ['滨江花园二期工地', '城南安置小区工地', '县第三小学新校区工地', '青溪大道改造工程工地', '工业园标准厂房工地', '县人民医院门诊楼工地'],
  project: ['青溪工业园三期', '县城南外环路', '河口至青山公路改建工程', '城南安置小区', '高标准农田建设项目', '青山水库除险加固工程', '农光互补光伏项目'],
  crop: ['水稻', '脐橙', '油茶', '蔬菜', '白莲', '茶叶', '烟叶'],
  urbanSchool: ['县实验小学', '县第二小学', '城关中学', '溪南小学', '县第三中学'],
  school: ['县实验小学', '县第二小学', '城关中学', '溪南小学', '县第三中学', '青山镇中心小学', '河口乡中心小学'],
  grade: ['小学一年级', '初一', '小学三年级', '初二'],
  hospital: ['省城一家三甲医院', '云州市人民医院', '广东打工地的医院', '浙江务工地的医院'],
  shop: ['烧烤店', 'KTV', '夜宵大排档', '棋牌室', '酒吧'],
  river: ['青溪河', '村前的小河', '灌溉渠', '门口的小溪'],
  latenight: ['凌晨一两点', '晚上十二点以后', '凌晨三点多'],
  service: ['社保卡激活', '不动产登记', '残疾证办理', '户籍证明', '城乡居民医保缴费', '生育登记'],
  subsidy: ['耕地地力保护补贴', '稻谷补贴', '早稻种植补贴', '农机购置补贴'],
  asset: ['村集体鱼塘', '村部闲置房屋', '集体山林', '村光伏电站', '集体店面'],
  bus: ['3路公交', '5路公交', '城乡公交K2线', '城乡公交K5线'],
  factory: ['石材加工厂', '砖厂', '塑料颗粒加工厂', '废旧电池回收作坊', '砂石厂'],
  fee: ['280元', '350元', '420元', '180元', '260元'],
  urbanLandmark: ['县一中门口', '农贸市场旁边', '新华书店对面', '加油站附近', '红绿灯路口', '县医院门口', '老车站旁'],
  ruralLandmark: ['村小学门口', '祠堂前面', '石桥头', '村部旁边', '老樟树下'],
};

export interface SlotContext {
  village: VillageDef;
  township: TownshipDef;
  /** Registration time (ms): months in the text are before it. */
  at: number;
  peopleCount: number;
}

export interface Slots {
  get(name: string): string;
  /** Replaces every {slot} in `template`; unknown slots throw (a typo in a template). */
  fill(template: string): string;
  /** Values drawn so far (copied to a duplicate or repeat of the same matter). */
  snapshot(): Record<string, string>;
}

const yuan = (n: number) => (n >= 10_000 ? `${(n / 10_000).toFixed(1).replace(/\.0$/, '')}万元` : `${n}元`);

export function createSlots(rng: Rng, ctx: SlotContext, preset: Record<string, string> = {}): Slots {
  const values: Record<string, string> = { ...preset };
  const { village: v, township: t } = ctx;

  const generators: Record<string, () => string> = {
    v: () => v.name,
    t: () => t.name,
    place: () => rng.pick(v.places),
    estate: () => rng.pick(v.estates),
    road: () => (v.urban ? rng.pick(v.places) : `${v.name}村道`),
    landmark: () => rng.pick(v.urban ? POOLS.urbanLandmark : POOLS.ruralLandmark),
    neighbor: () => `${rng.pick(SURNAMES)}${rng.pick(['某', '某某'])}`,
    cadreName: () => v.cadre.name,
    age: () => String(rng.int(68, 92)),
    age2: () => String(rng.int(38, 58)),
    n: () => String(rng.int(2, 9)),
    years: () => String(rng.int(4, 16)),
    people: () => String(ctx.peopleCount),
    month: () => {
      const month = Number(localDate(new Date(ctx.at)).slice(5, 7));
      return `${((month - 1 - rng.int(1, 3) + 12) % 12) + 1}月`;
    },
    wage: () => yuan(rng.int(38, 260) * 100),
    wageTotal: () => yuan(Math.max(ctx.peopleCount, 1) * rng.int(60, 300) * 100),
    compensation: () => yuan(rng.int(18, 96) * 1000),
    med: () => yuan(rng.int(23, 185) * 1000),
    mu: () => rng.float(1.5, 8.5).toFixed(1),
    mu2: () => Math.max(0.5, Number(get('mu')) - rng.int(5, 15) / 10).toFixed(1),
    bigmu: () => String(rng.int(30, 280)),
    rent: () => `${rng.int(35, 80) * 10}元`,
    company: () => `青溪县${rng.pick(FIRMS)}${rng.pick(['电子科技有限公司', '鞋业有限公司', '食品有限公司', '物流有限公司', '服饰有限公司'])}`,
    builder: () => `${rng.pick(['云州市', '青溪县'])}${rng.pick(FIRMS)}${rng.pick(['建筑劳务有限公司', '建设工程有限公司'])}`,
    agri: () => `青溪县${rng.pick(FIRMS)}${rng.pick(['农业开发有限公司', '生态农业专业合作社'])}`,
    school: () => rng.pick(v.urban ? POOLS.urbanSchool : POOLS.school),
  };

  function get(name: string): string {
    if (values[name] === undefined) {
      const generate = generators[name] ?? (POOLS[name] ? () => rng.pick(POOLS[name]) : undefined);
      if (!generate) throw new Error(`unknown template slot {${name}}`);
      values[name] = generate();
    }
    return values[name];
  }

  return {
    get,
    fill: (template) => template.replace(/\{(\w+)\}/g, (_, name: string) => get(name)),
    snapshot: () => ({ ...values }),
  };
}
