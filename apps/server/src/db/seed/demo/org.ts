import type { Role } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../schema.js';

/**
 * The demo county 青溪县 of 云州市 (both fictional; 江西省 is real, the codes below 36 99 are
 * not): four townships/streets, eighteen villages and communities, the usual county departments,
 * and one or more staff accounts in every unit. Everything here is a constant, so the README and
 * tests can rely on it.
 */

/** The one password of every demo account. */
export const DEMO_PASSWORD = 'Lianxin@2026';

export const DEMO_AREA_CODES = {
  province: '360000000000',
  city: '369900000000',
  county: '369901000000',
} as const;

export interface VillageDef {
  code: string;
  name: string;
  /** 社区 (urban) or 村 (rural): decides addresses and which matters residents bring. */
  urban: boolean;
  lat: number;
  lng: number;
  /** Streets (urban) or 村民小组 (rural). */
  places: readonly string[];
  /** 小区 names (urban) or 自然村 names (rural). */
  estates: readonly string[];
  cadre: { username: string; name: string };
  grids?: ReadonlyArray<{ code: string; name: string; lat: number; lng: number }>;
}

export interface TownshipDef {
  key: string;
  code: string;
  name: string;
  unitName: string;
  lat: number;
  lng: number;
  staff: { desk: string; deskName: string; handler: string; handlerName: string; head: string; headName: string };
  villages: readonly VillageDef[];
}

export const TOWNSHIPS: readonly TownshipDef[] = [
  {
    key: 'xinan',
    code: '369901001000',
    name: '溪南街道',
    unitName: '青溪县溪南街道办事处',
    lat: 27.7852,
    lng: 115.9068,
    staff: { desk: 'xinan', deskName: '甘露', handler: 'xinan.handler', handlerName: '聂文博', head: 'xinan.head', headName: '饶志华' },
    villages: [
      { code: '369901001001', name: '溪南社区', urban: true, lat: 27.7868, lng: 115.9031, places: ['溪南路', '滨河西路', '建设南路'], estates: ['溪南花园', '金色家园', '南苑小区'], cadre: { username: 'xinanshequ', name: '吴梦婷' } },
      { code: '369901001002', name: '滨江社区', urban: true, lat: 27.7903, lng: 115.9152, places: ['滨江大道', '望江路', '青溪大道南段'], estates: ['滨江名苑', '江景豪庭', '水岸新城'], cadre: { username: 'binjiang', name: '张晓丽' } },
      { code: '369901001003', name: '文昌社区', urban: true, lat: 27.7811, lng: 115.8989, places: ['文昌路', '学府路', '育才巷'], estates: ['文昌苑', '学府佳园', '教师新村'], cadre: { username: 'wenchang', name: '李红英' } },
      { code: '369901001004', name: '新城社区', urban: true, lat: 27.7774, lng: 115.9127, places: ['新城大道', '站前路', '工业大道'], estates: ['城南安置小区', '新城御景', '站前公寓'], cadre: { username: 'xincheng', name: '陈雪梅' } },
    ],
  },
  {
    key: 'chengguan',
    code: '369901100000',
    name: '城关镇',
    unitName: '青溪县城关镇人民政府',
    lat: 27.8006,
    lng: 115.8995,
    staff: { desk: 'chengguan', deskName: '温晓东', handler: 'chengguan.handler', handlerName: '严佳', head: 'chengguan.head', headName: '危建民' },
    villages: [
      {
        code: '369901100001',
        name: '东门社区',
        urban: true,
        lat: 27.8031,
        lng: 115.9062,
        places: ['解放路', '东门街', '人民路'],
        estates: ['东门小区', '百货公司宿舍', '锦绣花园'],
        cadre: { username: 'dongmen', name: '王秀兰' },
        grids: [
          { code: '369901100001001', name: '东门社区第一网格', lat: 27.8042, lng: 115.9049 },
          { code: '369901100001002', name: '东门社区第二网格', lat: 27.8036, lng: 115.9081 },
          { code: '369901100001003', name: '东门社区第三网格', lat: 27.8018, lng: 115.9067 },
        ],
      },
      { code: '369901100002', name: '西门社区', urban: true, lat: 27.8015, lng: 115.8921, places: ['西门街', '胜利路', '县前街'], estates: ['西门新村', '粮食局宿舍', '翠竹苑'], cadre: { username: 'ximen', name: '胡春燕' } },
      { code: '369901100003', name: '南门社区', urban: true, lat: 27.7962, lng: 115.9003, places: ['南门路', '青溪大道', '老街'], estates: ['南门花园', '阳光小区', '老街口居民区'], cadre: { username: 'nanmen', name: '周丽萍' } },
      { code: '369901100201', name: '城郊村', urban: false, lat: 27.8118, lng: 115.8857, places: ['上屋组', '下屋组', '塘背组', '新屋组'], estates: ['城郊', '大塘', '樟树下'], cadre: { username: 'chengjiao', name: '罗建华' } },
      { code: '369901100202', name: '凤岭村', urban: false, lat: 27.8237, lng: 115.9124, places: ['岭上组', '坳下组', '凤凰组', '石桥组'], estates: ['凤岭', '坳下', '石桥'], cadre: { username: 'fengling', name: '熊德华' } },
    ],
  },
  {
    key: 'qingshan',
    code: '369901101000',
    name: '青山镇',
    unitName: '青溪县青山镇人民政府',
    lat: 27.8702,
    lng: 115.8213,
    staff: { desk: 'qingshan', deskName: '章小燕', handler: 'qingshan.handler', handlerName: '袁立强', head: 'qingshan.head', headName: '况国庆' },
    villages: [
      { code: '369901101001', name: '青山社区', urban: true, lat: 27.8713, lng: 115.8236, places: ['青山街', '圩镇新街', '供销社路'], estates: ['青山新村', '供销社宿舍', '圩镇安置点'], cadre: { username: 'qingshanshequ', name: '许艳' } },
      { code: '369901101201', name: '青山村', urban: false, lat: 27.8784, lng: 115.8142, places: ['大坪组', '江边组', '庙前组', '后山组'], estates: ['大坪', '江边', '庙前'], cadre: { username: 'qingshancun', name: '杨金生' } },
      { code: '369901101202', name: '石门村', urban: false, lat: 27.8891, lng: 115.8025, places: ['石门组', '炉下组', '田心组'], estates: ['石门', '炉下', '田心'], cadre: { username: 'shimen', name: '邓水生' } },
      { code: '369901101203', name: '竹林村', urban: false, lat: 27.8596, lng: 115.8011, places: ['竹林组', '排上组', '水口组'], estates: ['竹林', '排上', '水口'], cadre: { username: 'zhulin', name: '彭红军' } },
      { code: '369901101204', name: '茶园村', urban: false, lat: 27.8643, lng: 115.8397, places: ['茶园组', '坑口组', '新塘组', '高岭组'], estates: ['茶园', '坑口', '高岭'], cadre: { username: 'chayuan', name: '曾火根' } },
    ],
  },
  {
    key: 'hekou',
    code: '369901200000',
    name: '河口乡',
    unitName: '青溪县河口乡人民政府',
    lat: 27.7608,
    lng: 116.0094,
    staff: { desk: 'hekou', deskName: '鄢春华', handler: 'hekou.handler', handlerName: '刘志坚', head: 'hekou.head', headName: '黄德明' },
    villages: [
      { code: '369901200201', name: '河口村', urban: false, lat: 27.7623, lng: 116.0131, places: ['码头组', '街上组', '河背组', '洲上组'], estates: ['河口', '河背', '洲上'], cadre: { username: 'hekoucun', name: '肖长春' } },
      { code: '369901200202', name: '渡头村', urban: false, lat: 27.7497, lng: 116.0242, places: ['渡头组', '樟树组', '下洲组'], estates: ['渡头', '樟树', '下洲'], cadre: { username: 'dutou', name: '万福生' } },
      { code: '369901200203', name: '柳湾村', urban: false, lat: 27.7731, lng: 116.0328, places: ['柳湾组', '塘下组', '新村组'], estates: ['柳湾', '塘下', '新村'], cadre: { username: 'liuwan', name: '钟桂花' } },
      { code: '369901200204', name: '上坪村', urban: false, lat: 27.7855, lng: 116.0459, places: ['上坪组', '中坪组', '林场组'], estates: ['上坪', '中坪', '老林场'], cadre: { username: 'shangping', name: '付国平' } },
    ],
  },
];

/** County departments (and the two utility companies, registered as departments). */
export const DEPARTMENTS = [
  { key: 'xinfang', name: '青溪县信访局', handler: ['xinfang.handler', '万小军'], head: ['xinfang.head', '谢志明'] },
  { key: 'minzheng', name: '青溪县民政局', handler: ['handler', '赵丽娟'], head: ['unithead', '钱卫东'] },
  { key: 'zhujian', name: '青溪县住房和城乡建设局', handler: ['zhujian.handler', '孙建平'], head: ['zhujian.head', '杨振华'] },
  { key: 'renshe', name: '青溪县人力资源和社会保障局', handler: ['renshe.handler', '胡晓峰'], head: ['renshe.head', '邓爱民'] },
  { key: 'ziran', name: '青溪县自然资源局', handler: ['ziran.handler', '徐立新'], head: ['ziran.head', '熊国强'] },
  { key: 'shengtai', name: '云州市生态环境局青溪分局', handler: ['shengtai.handler', '肖雨桐'], head: ['shengtai.head', '彭志刚'] },
  { key: 'shuili', name: '青溪县水利局', handler: ['shuili.handler', '涂家乐'], head: ['shuili.head', '付德胜'] },
  { key: 'nongye', name: '青溪县农业农村局', handler: ['nongye.handler', '余春生'], head: ['nongye.head', '程永康'] },
  { key: 'jiaoyu', name: '青溪县教育体育局', handler: ['jiaoyu.handler', '朱婷婷'], head: ['jiaoyu.head', '谢文华'] },
  { key: 'weijian', name: '青溪县卫生健康委员会', handler: ['weijian.handler', '龚倩'], head: ['weijian.head', '廖俊杰'] },
  { key: 'yibao', name: '青溪县医疗保障局', handler: ['yibao.handler', '钟佳怡'], head: ['yibao.head', '邹卫平'] },
  { key: 'gongan', name: '青溪县公安局', handler: ['gongan.handler', '叶志勇'], head: ['gongan.head', '蔡国华'] },
  { key: 'jiaotong', name: '青溪县交通运输局', handler: ['jiaotong.handler', '雷明'], head: ['jiaotong.head', '汪海涛'] },
  { key: 'chengguanju', name: '青溪县城市管理局', handler: ['chengguanju.handler', '江涛'], head: ['chengguanju.head', '石建军'] },
  { key: 'sifa', name: '青溪县司法局', handler: ['sifa.handler', '梁静'], head: ['sifa.head', '宋庆林'] },
  { key: 'jiwei', name: '青溪县纪委监委', handler: ['jiwei.handler', '邱晓明'], head: ['jiwei.head', '罗正清'] },
  { key: 'gongdian', name: '国网青溪县供电公司', handler: ['gongdian.handler', '邬海波'], head: ['gongdian.head', '傅建林'] },
  { key: 'zilaishui', name: '青溪县自来水公司', handler: ['zilaishui.handler', '简志远'], head: ['zilaishui.head', '黎红梅'] },
] as const;
export type DeptKey = (typeof DEPARTMENTS)[number]['key'];

/** The natural department of each category (categories.default_unit_id). */
export const CATEGORY_UNITS: Readonly<Record<string, DeptKey | 'center'>> = {
  urban: 'zhujian',
  'urban.roads': 'zhujian',
  'urban.property': 'zhujian',
  'urban.illegal_building': 'chengguanju',
  'urban.housing': 'zhujian',
  utilities: 'zilaishui',
  'utilities.water': 'zilaishui',
  'utilities.power': 'gongdian',
  'utilities.gas': 'zhujian',
  'utilities.heating': 'zhujian',
  environment: 'shengtai',
  'environment.pollution': 'shengtai',
  'environment.sanitation': 'chengguanju',
  'environment.noise': 'shengtai',
  land: 'ziran',
  'land.expropriation': 'ziran',
  'land.homestead': 'nongye',
  'land.contract': 'nongye',
  labor: 'renshe',
  'labor.wages': 'renshe',
  'labor.social_insurance': 'renshe',
  'labor.employment': 'renshe',
  social: 'minzheng',
  'social.dibao': 'minzheng',
  'social.elderly': 'minzheng',
  'social.disability': 'minzheng',
  agriculture: 'nongye',
  'agriculture.subsidy': 'nongye',
  'agriculture.irrigation': 'shuili',
  'agriculture.village_affairs': 'nongye',
  education: 'jiaoyu',
  'education.enrollment': 'jiaoyu',
  'education.fees': 'jiaoyu',
  health: 'weijian',
  'health.insurance': 'yibao',
  'health.services': 'weijian',
  safety: 'sifa',
  'safety.dispute': 'sifa',
  'safety.public_order': 'gongan',
  transport: 'jiaotong',
  'transport.bus': 'jiaotong',
  'transport.traffic': 'gongan',
  conduct: 'jiwei',
  'conduct.attitude': 'jiwei',
  'conduct.integrity': 'jiwei',
  other: 'center',
};

export interface DemoUnit {
  id: string;
  name: string;
  kind: 'department' | 'township' | 'village' | 'center' | 'other';
  areaCode: string;
  phone: string | null;
}

export interface DemoUser {
  id: string;
  username: string;
  name: string;
  grants: ReadonlyArray<{ role: Role; unitId: string }>;
}

/** A demo account as the README lists it. */
export interface DemoAccount {
  username: string;
  role: Role;
  unit: string;
  name: string;
}

export const unitIdOfDept = (key: DeptKey | 'center' | 'gov' | 'city_xinfang') => `unit-${key}`;
export const unitIdOfTownship = (code: string) => `unit-${code.slice(0, 9)}`;
export const unitIdOfVillage = (code: string) => `unit-${code.slice(0, 12)}`;
export const userIdOf = (username: string) => `user-${username}`;

function buildAreas() {
  const rows: Array<{ code: string; parentCode: string | null; name: string; level: string; lat: number; lng: number; sort: number }> = [
    { code: DEMO_AREA_CODES.province, parentCode: null, name: '江西省', level: 'province', lat: 27.6142, lng: 115.7221, sort: 0 },
    { code: DEMO_AREA_CODES.city, parentCode: DEMO_AREA_CODES.province, name: '云州市', level: 'city', lat: 27.9135, lng: 115.9872, sort: 0 },
    { code: DEMO_AREA_CODES.county, parentCode: DEMO_AREA_CODES.city, name: '青溪县', level: 'county', lat: 27.8006, lng: 115.9001, sort: 0 },
  ];
  TOWNSHIPS.forEach((t, ti) => {
    rows.push({ code: t.code, parentCode: DEMO_AREA_CODES.county, name: t.name, level: 'township', lat: t.lat, lng: t.lng, sort: ti });
    t.villages.forEach((v, vi) => {
      rows.push({ code: v.code, parentCode: t.code, name: v.name, level: 'village', lat: v.lat, lng: v.lng, sort: vi });
      v.grids?.forEach((g, gi) => rows.push({ code: g.code, parentCode: v.code, name: g.name, level: 'grid', lat: g.lat, lng: g.lng, sort: gi }));
    });
  });
  return rows;
}

function buildUnitsAndUsers() {
  const units: DemoUnit[] = [
    { id: unitIdOfDept('center'), name: '青溪县群众工作中心', kind: 'center', areaCode: DEMO_AREA_CODES.county, phone: '12345' },
    { id: unitIdOfDept('gov'), name: '青溪县人民政府', kind: 'other', areaCode: DEMO_AREA_CODES.county, phone: null },
    { id: unitIdOfDept('city_xinfang'), name: '云州市信访局', kind: 'department', areaCode: DEMO_AREA_CODES.city, phone: null },
  ];
  const users: DemoUser[] = [];
  const accounts: DemoAccount[] = [];
  const user = (username: string, name: string, grants: Array<[Role, string]>) => {
    users.push({ id: userIdOf(username), username, name, grants: grants.map(([role, unitId]) => ({ role, unitId })) });
  };
  const center = unitIdOfDept('center');
  const gov = unitIdOfDept('gov');
  user('registrar', '刘慧敏', [['registrar', center]]);
  user('hotline', '黄雅琴', [['registrar', center]]);
  user('dispatcher', '周文斌', [['dispatcher', center]]);
  user('supervisor', '吴建国', [['supervisor', center]]);
  user('admin', '何志强', [['admin', center]]);
  user('leader', '林国栋', [['leader', gov]]);
  user('leader2', '曾庆华', [['leader', gov]]);
  user('shixinfang', '易国平', [['handler', unitIdOfDept('city_xinfang')], ['unit_head', unitIdOfDept('city_xinfang')]]);

  for (const d of DEPARTMENTS) {
    const id = unitIdOfDept(d.key);
    units.push({ id, name: d.name, kind: 'department', areaCode: DEMO_AREA_CODES.county, phone: null });
    user(d.handler[0], d.handler[1], [['handler', id]]);
    user(d.head[0], d.head[1], [['unit_head', id]]);
  }
  user('xinfang', '陈丽华', [['registrar', unitIdOfDept('xinfang')]]);
  const jiwei = unitIdOfDept('jiwei');
  users.find((u) => u.username === 'jiwei.head')!.grants = [
    { role: 'unit_head', unitId: jiwei },
    { role: 'supervisor', unitId: jiwei },
  ];

  for (const t of TOWNSHIPS) {
    const tid = unitIdOfTownship(t.code);
    units.push({ id: tid, name: t.unitName, kind: 'township', areaCode: t.code, phone: null });
    user(t.staff.desk, t.staff.deskName, [['registrar', tid], ['dispatcher', tid]]);
    user(t.staff.handler, t.staff.handlerName, [['handler', tid]]);
    user(t.staff.head, t.staff.headName, [['unit_head', tid]]);
    for (const v of t.villages) {
      const vid = unitIdOfVillage(v.code);
      units.push({ id: vid, name: `${v.name}${v.urban ? '居民委员会' : '村民委员会'}`, kind: 'village', areaCode: v.code, phone: null });
      user(v.cadre.username, v.cadre.name, [['handler', vid], ['stationed_cadre', vid], ['registrar', vid]]);
    }
  }
  // 驻村第一书记, sent by the county's agriculture bureau to 凤岭村.
  user('cadre', '邓志远', [['stationed_cadre', unitIdOfVillage('369901100202')]]);

  const unitName = new Map(units.map((u) => [u.id, u.name]));
  const account = (username: string, role: Role) => {
    const u = users.find((x) => x.username === username)!;
    const grant = u.grants.find((g) => g.role === role)!;
    accounts.push({ username, role, unit: unitName.get(grant.unitId)!, name: u.name });
  };
  account('registrar', 'registrar');
  account('dispatcher', 'dispatcher');
  account('handler', 'handler');
  account('unithead', 'unit_head');
  account('leader', 'leader');
  account('supervisor', 'supervisor');
  account('cadre', 'stationed_cadre');
  account('admin', 'admin');
  account('hotline', 'registrar');
  account('chengguan', 'dispatcher');
  account('dongmen', 'handler');
  account('zhujian.handler', 'handler');
  return { units, users, accounts };
}

export const DEMO_AREAS = buildAreas();
const built = buildUnitsAndUsers();
export const DEMO_UNITS: readonly DemoUnit[] = built.units;
/** Every demo user with all their grants (about 70 people). */
export const DEMO_USERS: readonly DemoUser[] = built.users;
/**
 * The accounts to try the platform with, one per role first (all share DEMO_PASSWORD):
 * registrar, dispatcher, handler (民政局), unit head (民政局), leader, supervisor, stationed cadre
 * (凤岭村), admin; then the hotline desk, a township desk, a community cadre and a second
 * department's handler. Every other user follows the same pattern (see DEMO_USERS):
 * `<dept>.handler` / `<dept>.head` for departments, `<township>` / `<township>.handler` /
 * `<township>.head` for townships, and one pinyin name per village or community cadre.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = built.accounts;

/** Writes the areas, units, users and their roles; returns the counts. */
export async function insertOrg(db: Kysely<DB>, passwordHash: string, createdAt: string): Promise<{ areas: number; units: number; users: number }> {
  await db.transaction().execute(async (trx) => {
    // The province (real) and city may exist already in an installation that has other data.
    await trx.insertInto('areas').values(DEMO_AREAS.slice(0, 2)).onConflict((oc) => oc.column('code').doNothing()).execute();
    await trx.insertInto('areas').values(DEMO_AREAS.slice(2)).execute();
    await trx.insertInto('units').values(DEMO_UNITS.map((u) => ({ ...u, createdAt }))).execute();
    await trx
      .insertInto('users')
      .values(DEMO_USERS.map((u) => ({ id: u.id, username: u.username, displayName: u.name, phoneEnc: null, passwordHash, createdAt })))
      .execute();
    await trx
      .insertInto('userRoles')
      .values(DEMO_USERS.flatMap((u) => u.grants.map((g) => ({ userId: u.id, unitId: g.unitId, role: g.role }))))
      .execute();
    for (const [code, key] of Object.entries(CATEGORY_UNITS)) {
      await trx.updateTable('categories').set({ defaultUnitId: unitIdOfDept(key) }).where('code', '=', code).where('defaultUnitId', 'is', null).execute();
    }
  });
  return { areas: DEMO_AREAS.length, units: DEMO_UNITS.length, users: DEMO_USERS.length };
}
