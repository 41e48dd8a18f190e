/**
 * The retrieval test set of issue 18 (npm run eval:similar), written for this project: cases of
 * the demo county 青溪县 about named places and organisations, each matter told three times by
 * different residents in different words (paraphrases) and with a different wording of the place
 * (溪南花园 / 溪南花园小区 / 溪南花园那边), so that:
 * - true duplicates = the other tellings of the same matter at the same place;
 * - related = the same place, another matter;
 * - look-alikes = the same matter (often the very same sentence pattern) at another place.
 * Deterministic: no randomness, so every run scores the same set.
 */

export interface SimDoc {
  id: string;
  title: string;
  content: string;
  areaCode: string;
  requesterKey: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  status: string;
  /** matter@entity: the same cluster = true duplicates. */
  cluster: string;
  entity: string;
}

type Kind = 'estate' | 'road' | 'org' | 'school' | 'water' | 'shop';
interface Entity { key: string; kind: Kind; aliases: [string, string, string]; village: string; lat: number; lng: number }

const ENTITIES: Entity[] = [
  { key: 'xinan', kind: 'estate', aliases: ['溪南花园', '溪南花园小区', '溪南花园那边'], village: '369901001001', lat: 27.7868, lng: 115.9031 },
  { key: 'jinse', kind: 'estate', aliases: ['金色家园', '金色家园小区', '金色家园二期'], village: '369901001001', lat: 27.7861, lng: 115.9045 },
  { key: 'binjiang', kind: 'estate', aliases: ['滨江名苑', '滨江名苑小区', '滨江名苑那个小区'], village: '369901001002', lat: 27.7903, lng: 115.9152 },
  { key: 'wenchang', kind: 'estate', aliases: ['文昌苑', '文昌苑小区', '文昌苑这个老小区'], village: '369901001003', lat: 27.7811, lng: 115.8989 },
  { key: 'dongmen', kind: 'estate', aliases: ['东门小区', '东门小区老宿舍', '东门小区里面'], village: '369901100001', lat: 27.8031, lng: 115.9062 },
  { key: 'jinxiu', kind: 'estate', aliases: ['锦绣花园', '锦绣花园小区', '锦绣花园那片'], village: '369901100001', lat: 27.8036, lng: 115.9081 },
  { key: 'nanmen', kind: 'estate', aliases: ['南门花园', '南门花园小区', '南门花园这边'], village: '369901100003', lat: 27.7962, lng: 115.9003 },
  { key: 'qingshan', kind: 'estate', aliases: ['青山新村', '青山新村安置点', '圩镇青山新村'], village: '369901101001', lat: 27.8713, lng: 115.8236 },
  { key: 'jiefang', kind: 'road', aliases: ['解放路', '解放路东段', '解放路和人民路交叉口附近'], village: '369901100001', lat: 27.8029, lng: 115.9071 },
  { key: 'binhe', kind: 'road', aliases: ['滨河西路', '滨河西路中段', '滨河西路靠近桥头'], village: '369901001001', lat: 27.7872, lng: 115.9012 },
  { key: 'xinchengdadao', kind: 'road', aliases: ['新城大道', '新城大道南头', '新城大道站前路口'], village: '369901001004', lat: 27.7774, lng: 115.9127 },
  { key: 'laojie', kind: 'road', aliases: ['老街', '南门老街', '老街口'], village: '369901100003', lat: 27.7958, lng: 115.9011 },
  { key: 'qingshanjie', kind: 'road', aliases: ['青山街', '青山圩镇青山街', '青山街菜场旁'], village: '369901101001', lat: 27.8715, lng: 115.8229 },
  { key: 'xinda', kind: 'org', aliases: ['鑫达建筑有限公司', '鑫达建筑公司', '鑫达建筑的工地'], village: '369901001004', lat: 27.7781, lng: 115.9140 },
  { key: 'hongyuan', kind: 'org', aliases: ['宏远服装厂', '宏远服装有限公司', '宏远服装'], village: '369901100201', lat: 27.8121, lng: 115.8861 },
  { key: 'lvyuan', kind: 'org', aliases: ['绿源食品公司', '绿源食品有限公司', '绿源食品厂'], village: '369901101202', lat: 27.8893, lng: 115.8031 },
  { key: 'jiaxin', kind: 'org', aliases: ['嘉鑫物流公司', '嘉鑫物流', '嘉鑫物流有限公司'], village: '369901200201', lat: 27.7627, lng: 116.0129 },
  { key: 'chayuanhe', kind: 'org', aliases: ['茶园合作社', '茶园村茶叶合作社', '茶园茶叶合作社'], village: '369901101204', lat: 27.8643, lng: 115.8397 },
  { key: 'wenchangxx', kind: 'school', aliases: ['文昌小学', '县文昌小学', '文昌小学校'], village: '369901001003', lat: 27.7815, lng: 115.8980 },
  { key: 'xinanzx', kind: 'school', aliases: ['溪南中学', '县溪南中学', '溪南中学初中部'], village: '369901001001', lat: 27.7850, lng: 115.9050 },
  { key: 'qingshanxx', kind: 'school', aliases: ['青山小学', '青山镇青山小学', '青山中心小学'], village: '369901101001', lat: 27.8720, lng: 115.8240 },
  { key: 'hekouyey', kind: 'school', aliases: ['河口幼儿园', '河口乡河口幼儿园', '河口中心幼儿园'], village: '369901200201', lat: 27.7620, lng: 116.0135 },
  { key: 'datang', kind: 'water', aliases: ['大塘', '城郊村大塘', '村口大塘'], village: '369901100201', lat: 27.8118, lng: 115.8857 },
  { key: 'shimen', kind: 'water', aliases: ['石门水库', '石门村水库', '石门小水库'], village: '369901101202', lat: 27.8891, lng: 115.8025 },
  { key: 'liuwan', kind: 'water', aliases: ['柳湾山塘', '柳湾村山塘', '柳湾组山塘'], village: '369901200203', lat: 27.7731, lng: 116.0328 },
  { key: 'fengling', kind: 'water', aliases: ['凤岭渠', '凤岭村灌溉渠', '凤岭那条渠'], village: '369901100202', lat: 27.8237, lng: 115.9124 },
  { key: 'laowang', kind: 'shop', aliases: ['老王烧烤店', '老王烧烤', '老王家烧烤店'], village: '369901100001', lat: 27.8040, lng: 115.9055 },
  { key: 'kuaile', kind: 'shop', aliases: ['快乐网吧', '快乐网吧二楼', '那家快乐网吧'], village: '369901001002', lat: 27.7905, lng: 115.9149 },
  { key: 'xingfu', kind: 'shop', aliases: ['幸福超市', '幸福超市门口', '幸福连锁超市'], village: '369901001004', lat: 27.7770, lng: 115.9120 },
  { key: 'hongxing', kind: 'shop', aliases: ['红星KTV', '红星KTV歌厅', '红星歌厅'], village: '369901100003', lat: 27.7960, lng: 115.9000 },
];

type Template = [title: string, content: string];
interface Matter { key: string; kinds: Kind[]; templates: [Template, Template, Template, Template] }

const MATTERS: Matter[] = [
  { key: 'light', kinds: ['estate', 'road'], templates: [
    ['{e}路灯坏了', '{e}门口的路灯坏了一个多月，晚上出行很不安全，请尽快修复。'],
    ['路灯不亮', '我们{e}的路灯好久都不亮了，晚上黑漆漆的，老人小孩走路容易摔倒。'],
    ['反映照明问题', '{e}一带晚上没有灯，几盏路灯都损坏了，希望有关部门派人维修。'],
    ['晚上太黑', '住在{e}，最近晚上路灯一直不亮，物业说不归他们管，请问该找谁修？'],
  ] },
  { key: 'garbage', kinds: ['estate', 'road'], templates: [
    ['{e}垃圾没人清运', '{e}的垃圾堆了好几天没人清运，天热臭气熏天，苍蝇很多。'],
    ['垃圾堆积', '反映{e}垃圾桶满了也没人收，垃圾都堆到路边了，影响环境卫生。'],
    ['环境卫生差', '{e}这几天环卫车没来，垃圾越堆越多，居民意见很大，请督促清理。'],
    ['垃圾清运不及时', '我家在{e}，楼下垃圾已经一个星期没拉走，味道大得没法开窗。'],
  ] },
  { key: 'water', kinds: ['estate'], templates: [
    ['{e}停水', '{e}从昨天早上开始停水，到现在还没来水，也没有任何通知。'],
    ['没水用', '我们{e}又没水了，一家老小做饭洗澡都成问题，请自来水公司尽快恢复。'],
    ['突然停水两天', '{e}突然停水两天了，打电话问也说不清什么时候来水。'],
    ['自来水中断', '住{e}的居民反映自来水中断，水管好像在维修但没有公告。'],
  ] },
  { key: 'property', kinds: ['estate'], templates: [
    ['{e}物业乱收费', '{e}物业今年突然把物业费涨了一倍，没有开业主大会，也不公示账目。'],
    ['物业费上涨', '反映{e}物业公司擅自提高收费标准，业主不交就停电梯。'],
    ['物业服务差还涨价', '{e}物业服务很差，卫生没人搞，现在还要多收钱，请相关部门管一管。'],
    ['物业收费不合理', '我是{e}业主，物业新收停车管理费，没有依据，希望给个说法。'],
  ] },
  { key: 'illegal', kinds: ['estate'], templates: [
    ['{e}有人违建', '{e}一楼住户在院子里私自搭建铁皮房，占用公共绿地。'],
    ['楼顶违章搭建', '举报{e}顶楼有人在楼顶加盖房子，施工噪音大，也有安全隐患。'],
    ['私搭乱建', '{e}有住户私搭乱建，把公共通道都堵了，消防车都进不来。'],
    ['违法建筑', '反映{e}有人违规扩建阳台和院墙，物业劝阻无效。'],
  ] },
  { key: 'noise', kinds: ['estate', 'shop'], templates: [
    ['{e}噪音扰民', '{e}每天晚上吵到凌晨一两点，严重影响休息，多次反映没有效果。'],
    ['晚上太吵', '{e}夜里声音特别大，家里老人小孩都睡不好觉，请派人管一管。'],
    ['深夜噪声', '投诉{e}深夜噪声扰民，音响开得很大，报警后第二天照样。'],
    ['噪声问题', '住在{e}附近，晚上一直有很大的噪声，希望有关部门处理。'],
  ] },
  { key: 'pothole', kinds: ['road'], templates: [
    ['{e}路面坑洼', '{e}路面坑坑洼洼，下雨天全是积水，电动车经过容易摔倒。'],
    ['道路破损', '反映{e}道路破损严重，有几个大坑，已经有人摔伤了。'],
    ['路面坏了没人修', '{e}的路坏了大半年了，坑越来越大，希望尽快修补。'],
    ['修路', '{e}路面塌陷一块，车辆通行很危险，请交通部门来看看。'],
  ] },
  { key: 'wages', kinds: ['org'], templates: [
    ['{e}拖欠工资', '我在{e}干了半年，老板拖欠工资三万多元，一直推脱不给。'],
    ['讨要工钱', '去年在{e}做事，工钱到现在都没结清，负责人电话也不接了。'],
    ['农民工欠薪', '{e}欠我们二十多个工人的工资，快过年了，请帮我们讨回血汗钱。'],
    ['工资发不下来', '{e}说资金困难，三个月没发工资，工人们生活都成问题。'],
  ] },
  { key: 'smell', kinds: ['org'], templates: [
    ['{e}排放异味', '{e}每天排出刺鼻的气味，附近居民头晕恶心，怀疑偷排废气。'],
    ['废气污染', '反映{e}晚上偷偷排放废气，空气里一股怪味，请环保部门查处。'],
    ['污水直排', '{e}把污水直接排到旁边的水沟里，水都变黑发臭了。'],
    ['环境污染', '住在{e}旁边，常年闻到臭味，晾的衣服都有味道，希望监测一下。'],
  ] },
  { key: 'fees', kinds: ['school'], templates: [
    ['{e}乱收费', '{e}这学期要求每个学生交资料费三百元，没有收据。'],
    ['学校收费问题', '反映{e}以各种名义向家长收钱，补课费、校服费都要交。'],
    ['强制收费', '{e}老师让家长统一交钱买教辅，不买就不让上课，这合理吗？'],
    ['收费不透明', '孩子在{e}读书，学校收了一笔午托费，没说明标准和用途。'],
  ] },
  { key: 'enrol', kinds: ['school'], templates: [
    ['{e}入学难', '孩子户口在学区内，{e}却说学位满了不让报名。'],
    ['报名被拒', '今年给孩子报{e}，学校说房产证年限不够不收，请问政策依据是什么？'],
    ['学位问题', '我们家就在{e}旁边，孩子却被分到很远的学校，希望重新安排。'],
    ['招生不公平', '反映{e}招生不按片区，外地关系户能进，本地孩子进不去。'],
  ] },
  { key: 'leak', kinds: ['water'], templates: [
    ['{e}漏水', '{e}的堤坝漏水好长时间了，下游的田都灌不上水。'],
    ['灌溉用水不够', '{e}渗漏严重，存不住水，今年春耕用水成了大问题。'],
    ['水利设施失修', '反映{e}年久失修，坝体有裂缝，下大雨时很危险。'],
    ['请修水利', '{e}需要清淤加固，村民多次反映没人管，请水利部门来看看。'],
  ] },
];

// Residents (requester keys) and addresses: deterministic from the indices.
export function similarSet(): SimDoc[] {
  const docs: SimDoc[] = [];
  let n = 0;
  for (const matter of MATTERS) {
    for (const [ei, entity] of ENTITIES.entries()) {
      if (!matter.kinds.includes(entity.kind)) continue;
      const cluster = `${matter.key}@${entity.key}`;
      for (let v = 0; v < 3; v++) {
        // Each telling takes another sentence pattern and another wording of the place.
        const [title, content] = matter.templates[(v + ei) % 4]!;
        const alias = entity.aliases[v]!;
        const fill = (s: string) => s.replaceAll('{e}', alias);
        const id = `sim-${String(++n).padStart(4, '0')}`;
        // Every third cluster: the second telling is the first resident again (a repeat).
        const requester = v === 1 && ei % 3 === 0 ? `r-${cluster}-0` : `r-${cluster}-${v}`;
        // Some tellings have coordinates (a map pin near the place), some an address, some neither.
        const pinned = (n + ei) % 3 === 0;
        const addressed = entity.kind === 'estate' && (n % 2 === 0);
        docs.push({
          id,
          title: fill(title),
          content: fill(content),
          areaCode: entity.village,
          requesterKey: requester,
          address: addressed ? `${alias}${(n % 9) + 1}栋` : null,
          lat: pinned ? entity.lat + ((n % 5) - 2) * 0.0002 : null,
          lng: pinned ? entity.lng + ((n % 7) - 3) * 0.0002 : null,
          status: v === 0 ? 'handling' : 'registered',
          cluster,
          entity: entity.key,
        });
      }
    }
  }
  return docs;
}
