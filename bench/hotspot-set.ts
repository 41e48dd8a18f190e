/**
 * A written test set of hot topics (issue 18 part 4), for `npm run eval:hotspots`: clusters of
 * messages about one matter, each in a different resident's words (as residents write: few shared
 * characters), and distractors — the same place with another matter, the same matter at another
 * place, and one matter whose letters came in over six weeks but were typed in on one day.
 * Written by us for this purpose (places and people are invented); not taken from any data set.
 *
 * Areas: one county (3699 01), township A (…100: villages 201 东门, 202 西门, 203 城郊) and
 * township B (…101: villages 201 河口, 202 石门, 203 桥头).
 * `day`: when the matter was received (days after the start, fractional); `typedDay`: when it was
 * typed in (default: a few hours after receipt).
 */
export interface HotspotCase {
  /** The matter it is about: clusters are `c-…`, distractors `d-…`. */
  topic: string;
  village: string;
  category: string;
  day: number;
  typedDay?: number;
  title: string;
  content: string;
}

const A1 = '369901100201', A2 = '369901100202', A3 = '369901100203';
const B1 = '369901101201', B2 = '369901101202', B3 = '369901101203';

type Row = [topic: string, village: string, category: string, day: number, title: string, content: string, typedDay?: number];

const ROWS: Row[] = [
  // c-xinan-night-works: night construction next to 溪南花园 (A1)
  ['c-xinan-night-works', A1, 'environment.noise', 0.9, '晚上施工吵得没法睡', '溪南花园旁边的工地这几天一直干到凌晨一两点，打桩机咚咚响，孩子第二天还要上学，请管一管。'],
  ['c-xinan-night-works', A1, 'environment.noise', 1.4, '工地夜间作业', '我是溪南花园3栋的住户，隔壁工地每天夜里机器轰鸣，老人心脏不好受不了。'],
  ['c-xinan-night-works', A1, 'environment.noise', 2.2, '反映溪南花园小区附近工地扰民', '小区南门外那个在建楼盘晚上十一点以后还在浇混凝土，搅拌车来来回回，根本睡不着。'],
  ['c-xinan-night-works', A1, 'urban.illegal_building', 2.8, '夜里还在施工', '溪南花园边上的项目半夜还开工，有没有夜间施工许可？声音太大了。'],
  ['c-xinan-night-works', A1, 'environment.noise', 3.5, '噪声扰民', '住在溪南花园，最近一周每晚都被工地的噪音吵醒，投诉过开发商没用。'],
  ['c-xinan-night-works', A1, 'environment.noise', 4.1, '能不能让工地晚上停工', '溪南花园外面施工的吊机和电锯声音一直响到后半夜，我们上夜班的白天也休息不好。'],
  ['c-xinan-night-works', A1, 'environment.noise', 5.3, '工地噪音', '溪南花园二期业主，强烈要求查处附近工地违规夜间施工。'],

  // c-chengjiao-fees: 城郊中学 charging for materials and extra classes (pupils from A2 and A3)
  ['c-chengjiao-fees', A3, 'education.fees', 0.3, '学校乱收费', '城郊中学这学期每个学生要交三百八的资料费，说是自愿的，不交老师就点名。'],
  ['c-chengjiao-fees', A2, 'education.fees', 1.1, '城郊中学收补课费', '孩子在城郊中学读初二，周六强制补课，每月收四百块，这合理吗？'],
  ['c-chengjiao-fees', A3, 'education.fees', 1.9, '初三统一订教辅', '城郊中学要求初三每人交钱统一买教辅，书店里同样的书便宜一半。'],
  ['c-chengjiao-fees', A2, 'education.enrollment', 2.6, '学校让家长交钱', '我家小孩在城郊中学，班主任在家长群里通知交午托费和资料费，没有收据。'],
  ['c-chengjiao-fees', A3, 'education.fees', 3.7, '反映城郊中学收费问题', '城郊中学假期补课按天收费，一天六十，家长们都有意见但不敢说。'],
  ['c-chengjiao-fees', A3, 'conduct.integrity', 4.6, '学校收费不开票', '城郊中学收的各种费用都不开发票，钱交到哪里去了？请教育局查一查。'],

  // c-xinda-wages: 鑫达建筑 owes workers (B1)
  ['c-xinda-wages', B1, 'labor.wages', 0.5, '讨要工资', '我在鑫达建筑公司的工地干了八个月，老板一直拖着不给钱，快过年了。'],
  ['c-xinda-wages', B1, 'labor.wages', 1.2, '鑫达建筑拖欠农民工工资', '我们二十多个工人跟着鑫达建筑做河口安置房，工钱结算后半年没发。'],
  ['c-xinda-wages', B1, 'labor.wages', 2.0, '包工头跑了', '鑫达建筑的包工头说公司没拨款，我们的血汗钱找谁要？'],
  ['c-xinda-wages', B1, 'labor.wages', 2.9, '欠薪', '在鑫达公司干钢筋工，三万多块钱到现在一分没拿到，家里等着用钱。'],
  ['c-xinda-wages', B1, 'safety.dispute', 3.3, '工人堵公司门口', '鑫达建筑有限公司门口今天来了好多讨薪的工人，情绪激动，怕出事。'],
  ['c-xinda-wages', B1, 'labor.wages', 4.8, '请帮忙追讨欠款', '去年给鑫达建筑干活，说好干完结清，现在电话都不接了。'],

  // c-datang-pollution: the 大塘 pond of 石门村 (B2)
  ['c-datang-pollution', B2, 'environment.pollution', 0.2, '大塘发臭', '石门村大塘的水这几天变黑了，臭得很，路过都要捂鼻子。'],
  ['c-datang-pollution', B2, 'environment.pollution', 1.0, '塘里鱼都死了', '村里大塘漂了好多死鱼，怀疑是上游那家厂偷排废水。'],
  ['c-datang-pollution', B2, 'agriculture.irrigation', 1.8, '大塘的水不能用了', '我们靠大塘的水浇菜，现在水面一层油，菜都不敢浇。'],
  ['c-datang-pollution', B2, 'environment.pollution', 2.7, '有人往塘里排污', '晚上看见有车往石门大塘边倒东西，第二天水就有股怪味。'],
  ['c-datang-pollution', B2, 'environment.pollution', 3.9, '池塘污染', '石门村大塘污染严重，夏天蚊子多，小孩子在边上玩很危险。'],
  ['c-datang-pollution', B2, 'environment.pollution', 5.0, '请查一查大塘', '大塘的水发绿发臭，村民担心影响地下水，请环保部门来检测。'],

  // c-jiefang-lights: street lights out on 解放路 (A3)
  ['c-jiefang-lights', A3, 'urban.roads', 0.6, '路灯不亮', '解放路从加油站到桥头这一段路灯全坏了，晚上黑漆漆的。'],
  ['c-jiefang-lights', A3, 'urban.roads', 1.5, '晚上走路太黑', '解放路那边好多天没有灯了，老人晚上出来散步摔了一跤。'],
  ['c-jiefang-lights', A3, 'safety.public_order', 2.4, '路段照明', '解放路晚上一片漆黑，电动车经常撞到一起，也怕有人抢包。'],
  ['c-jiefang-lights', A3, 'urban.roads', 3.2, '解放路的灯什么时候修', '反映过解放路路灯不亮的事，到现在还是不亮，孩子晚自习回家很危险。'],
  ['c-jiefang-lights', A3, 'urban.roads', 4.4, '路灯坏了', '住解放路旁边，门口那排路灯十来天都没亮过。'],

  // c-yangguang-lift: the lifts of 阳光小区 (A2)
  ['c-yangguang-lift', A2, 'urban.property', 0.4, '电梯坏了一个月', '阳光小区5栋电梯坏了快一个月，物业说等配件，我们住18楼的老人下不了楼。'],
  ['c-yangguang-lift', A2, 'urban.property', 1.3, '电梯经常困人', '阳光小区的电梯上周把我女儿关在里面半小时，物业来得很慢。'],
  ['c-yangguang-lift', A2, 'urban.property', 2.1, '阳光小区电梯维修', '电梯停用很久了，交了物业费却没人修，维修基金怎么用的？'],
  ['c-yangguang-lift', A2, 'safety.public_order', 3.0, '电梯安全隐患', '阳光小区几部电梯老是突然下坠一截，太吓人了，请质监部门检查。'],
  ['c-yangguang-lift', A2, 'urban.property', 4.0, '反映阳光小区的电梯', '我家在阳光小区3栋，电梯门关不上已经停了两个礼拜。'],
  ['c-yangguang-lift', A2, 'urban.property', 5.6, '老人爬楼梯太累', '阳光小区电梯一直不修，我妈八十多了每天爬十几层。'],

  // c-hekou-water: no water, then yellow water, in 河口村 (B1), no place named
  ['c-hekou-water', B1, 'utilities.water', 0.7, '停水三天了', '河口村这边从周一开始就没水了，也没有通知，做饭洗澡都成问题。'],
  ['c-hekou-water', B1, 'utilities.water', 1.1, '自来水不来', '我们村已经好几天没有来水，打供水公司电话一直占线。'],
  ['c-hekou-water', B1, 'utilities.water', 1.6, '什么时候恢复供水', '家里老人小孩多，停水这么久，村里只能去井里挑水。'],
  ['c-hekou-water', B1, 'utilities.water', 2.5, '来水了但是发黄', '今天终于有水了，可是水龙头放出来的水是黄的，能喝吗？'],
  ['c-hekou-water', B1, 'health.services', 3.1, '水质问题', '河口村自来水浑浊发黄，有铁锈味，孩子喝了拉肚子。'],
  ['c-hekou-water', B1, 'utilities.water', 3.8, '反映用水问题', '村里水压很低，二楼以上就没水，断断续续一个星期了。'],

  // c-pig-farm: smell from a pig farm behind 桥头村 (B3), named loosely
  ['c-pig-farm', B3, 'environment.pollution', 0.8, '养猪场臭气熏天', '桥头村后山那个养猪场味道太大，风一吹全村都是臭味，窗户都不敢开。'],
  ['c-pig-farm', B3, 'environment.pollution', 1.7, '猪粪直接排到沟里', '村后的猪场把猪粪水直接排到水沟，下游的田都被污染了。'],
  ['c-pig-farm', B3, 'agriculture.subsidy', 2.3, '养殖场离村子太近', '这个养殖场离我们住的地方不到一百米，夏天苍蝇成群，臭得吃不下饭。'],
  ['c-pig-farm', B3, 'environment.pollution', 3.4, '反映桥头村养猪污染', '后山养了上千头猪，气味刺鼻，老人咳嗽得厉害，请环保局来查。'],
  ['c-pig-farm', B3, 'environment.pollution', 4.9, '猪场的味道', '我家就在猪场下风口，天天闻臭味，晚上熏得睡不着。'],

  // c-jinqiao-kindergarten: the food at 金桥幼儿园 (A1)
  ['c-jinqiao-kindergarten', A1, 'education.fees', 0.5, '幼儿园伙食差', '金桥幼儿园每月伙食费五百，孩子回家说天天吃土豆白菜，肉都见不到。'],
  ['c-jinqiao-kindergarten', A1, 'health.services', 1.6, '孩子吃了拉肚子', '金桥幼儿园好几个小朋友同一天拉肚子发烧，怀疑食堂的饭菜不干净。'],
  ['c-jinqiao-kindergarten', A1, 'education.fees', 2.5, '金桥幼儿园食堂', '家长们想看一看金桥幼儿园食堂的采购单据，园长不让看。'],
  ['c-jinqiao-kindergarten', A1, 'health.services', 3.6, '食品安全', '请市场监管查一下金桥幼儿园的食堂，孩子说饭是馊的。'],
  ['c-jinqiao-kindergarten', A1, 'education.enrollment', 4.7, '幼儿园饭菜质量', '在金桥幼儿园上中班，孩子这个月瘦了两斤，饭菜太差了。'],

  // c-market-road: stalls on the road at 城关农贸市场 (A1)
  ['c-market-road', A1, 'transport.traffic', 0.2, '农贸市场门口堵死了', '城关农贸市场门口每天早上摆满了小摊，车根本过不去。'],
  ['c-market-road', A1, 'urban.roads', 1.2, '占道经营', '城关农贸市场外面的商贩把菜摆到马路中间，救护车都被堵过。'],
  ['c-market-road', A1, 'transport.traffic', 2.0, '市场周边交通', '每天七点到九点城关农贸市场那一段路拥堵严重，学生上学迟到。'],
  ['c-market-road', A1, 'safety.public_order', 3.0, '小摊贩乱摆', '农贸市场门口的流动摊贩越来越多，城管来了就跑，走了又摆。'],
  ['c-market-road', A1, 'transport.traffic', 4.2, '城关农贸市场外面太乱', '市场门口电动车乱停、摊位占道，老人买菜差点被车撞。'],

  // c-dongkeng-road: the muddy road of 东坑组, 石门村 (B2)
  ['c-dongkeng-road', B2, 'urban.roads', 0.6, '村道一下雨就是泥', '石门村东坑组那条路还是泥巴路，一下雨根本走不了，孩子上学鞋子全是泥。'],
  ['c-dongkeng-road', B2, 'urban.roads', 1.9, '东坑组路面硬化', '我们东坑组二十几户人家盼修水泥路盼了好几年，别的组都修了。'],
  ['c-dongkeng-road', B2, 'transport.bus', 2.8, '路太烂车进不来', '东坑那段路坑坑洼洼，积水很深，三轮车都翻过，老人看病出不去。'],
  ['c-dongkeng-road', B2, 'urban.roads', 3.9, '请求修路', '石门村东坑组的路什么时候能硬化？下雨天泥泞不堪。'],
  ['c-dongkeng-road', B2, 'agriculture.village_affairs', 5.2, '修路的钱去哪了', '听说东坑组修路的钱去年就批了，路到现在还是泥巴路。'],

  // c-shimen-accounts: village accounts not made public, 石门村 (B2)
  ['c-shimen-accounts', B2, 'agriculture.village_affairs', 0.9, '村务不公开', '石门村的账目好几年没有公开了，村民想知道集体土地出租的钱用在哪。'],
  ['c-shimen-accounts', B2, 'agriculture.village_affairs', 2.1, '要求公开村账', '石门村委会收的土地租金没有张榜公布，请镇里派人查账。'],
  ['c-shimen-accounts', B2, 'conduct.integrity', 3.0, '村干部优亲厚友', '石门村的集体收入去向不明，村干部的亲戚都拿到了补助。'],
  ['c-shimen-accounts', B2, 'agriculture.village_affairs', 4.0, '集体资金', '村集体卖树的钱有十几万，账上看不到，村民要求公开。'],
  ['c-shimen-accounts', B2, 'agriculture.village_affairs', 5.5, '石门村财务', '村里的财务公开栏半年没更新了，问村会计说不清楚。'],

  // — distractors: the same place, another matter —
  ['d-xinan-fee', A1, 'urban.property', 1.0, '物业费涨价', '溪南花园物业费从每平一块二涨到一块八，没有开业主大会。'],
  ['d-xinan-fee', A1, 'urban.property', 3.0, '物业乱涨价', '溪南花园的物业公司擅自涨物业费，服务却越来越差。'],
  ['d-xinan-parking', A1, 'transport.traffic', 2.5, '小区停车难', '溪南花园车位太少，晚上车都停到消防通道上了。'],
  ['d-chengjiao-gate', A3, 'transport.traffic', 2.0, '放学时校门口拥堵', '城郊中学放学时门口接孩子的车停满马路，交通很乱。'],
  ['d-chengjiao-enrol', A2, 'education.enrollment', 3.4, '转学入学', '孩子户口迁过来了，想转到城郊中学读初一，学校说没有学位。'],
  ['d-yangguang-dance', A2, 'environment.noise', 2.2, '广场舞太吵', '阳光小区楼下跳广场舞音响开得太大，晚上九点多还在放。'],
  ['d-xinda-dust', B1, 'environment.pollution', 1.5, '工地扬尘', '鑫达建筑的工地没有洒水，灰尘满天飞，晒的衣服都是灰。'],
  ['d-datang-dam', B2, 'agriculture.irrigation', 4.2, '大塘塘坝漏水', '石门村大塘的坝体有渗漏，春耕灌溉要用水，怕撑不住。'],
  ['d-hekou-power', B1, 'utilities.power', 1.4, '经常停电', '河口村这个月停了好几次电，冰箱里的东西都坏了。'],
  ['d-hekou-power', B1, 'utilities.power', 4.5, '电压不稳', '我们村晚上电压低，灯一闪一闪的，空调开不了。'],
  ['d-jiefang-pothole', A3, 'urban.roads', 3.0, '解放路有个大坑', '解放路邮局门口路面塌陷了一个大坑，电动车骑过去很危险。'],
  ['d-market-hygiene', A1, 'environment.sanitation', 3.3, '市场垃圾没人清', '城关农贸市场后面的垃圾堆了好几天，苍蝇到处飞。'],
  ['d-shimen-dibao', B2, 'social.dibao', 2.4, '低保评定不公', '石门村评低保的时候有人开小车也评上了，真正困难的没评上。'],

  // — distractors: the same matter, another place —
  ['d-jinxiu-works', A1, 'environment.noise', 1.8, '锦绣家园旁边施工吵', '锦绣家园北边修路，夜里十二点还在切割路面，吵得睡不着。'],
  ['d-jinxiu-works', A1, 'environment.noise', 4.4, '夜间施工扰民', '锦绣家园门口的管道工程晚上一直施工，噪音很大。'],
  ['d-yongxing-wages', B1, 'labor.wages', 2.2, '服装厂欠工资', '永兴服装厂三个月没发工资了，老板说订单少没钱。'],
  ['d-yongxing-wages', B1, 'labor.wages', 3.6, '永兴服装厂拖欠工资', '我在永兴服装厂做车工，老板拖欠我们两个月的工钱。'],
  ['d-renmin-lights', A3, 'urban.roads', 2.9, '人民路路灯不亮', '人民路菜场那一段路灯坏了好几盏，晚上很黑。'],
  ['d-xingfu-lift', A2, 'urban.property', 3.3, '幸福小区电梯故障', '幸福小区2栋电梯三天两头坏，物业只会贴个停用通知。'],
  ['d-xingfu-lift', A2, 'urban.property', 5.1, '电梯又停了', '幸福小区的电梯这个月第三次坏了，请督促物业大修。'],
  ['d-xiaotang', B3, 'environment.pollution', 2.6, '小塘水发臭', '桥头村小塘的水发臭，上面漂着垃圾。'],
  ['d-water-xi', A2, 'utilities.water', 1.2, '西门社区停水', '西门社区今天突然停水，没有提前通知。'],
  ['d-water-xi', A2, 'utilities.water', 2.7, '自来水发黄', '西门社区这两天自来水有点黄，不知道是不是管道的问题。'],
  ['d-kindergarten-other', A1, 'education.fees', 2.1, '幼儿园收费高', '东门社区的小太阳幼儿园一学期收费八千，比公办贵太多。'],
  ['d-pig-other', B1, 'environment.pollution', 3.8, '养鸭场有味道', '河口村河边的养鸭场粪水流进河里，有臭味。'],

  // — a slow drip typed in at once: potholes on 长青路 (A2), received over six weeks, typed on day 6.5 —
  ['d-changqing-slow', A2, 'urban.roads', -35, '长青路坑洼', '长青路中段路面坑坑洼洼，下雨积水。', 6.5],
  ['d-changqing-slow', A2, 'urban.roads', -28, '长青路要修了', '长青路破损严重，车子开过去颠得厉害。', 6.5],
  ['d-changqing-slow', A2, 'urban.roads', -21, '长青路路面破损', '长青路好多坑，晚上骑车容易摔。', 6.5],
  ['d-changqing-slow', A2, 'urban.roads', -14, '反映长青路', '长青路的坑越来越大，什么时候修补？', 6.5],
  ['d-changqing-slow', A2, 'urban.roads', -7, '长青路太烂', '长青路一直没人修，路面塌陷了一块。', 6.5],
  ['d-changqing-slow', A2, 'urban.roads', -1, '长青路修补', '长青路的坑洼问题拖了一个多月了。', 6.5],
];

export const HOTSPOT_SET: readonly HotspotCase[] = ROWS.map(([topic, village, category, day, title, content, typedDay]) => ({ topic, village, category, day, title, content, ...(typedDay !== undefined ? { typedDay } : {}) }));

/** Areas of the set, for a database-backed test. */
export const HOTSPOT_AREAS = { A1, A2, A3, B1, B2, B3 } as const;

/**
 * A second set, written after the rule was settled and not used to change it (a held-out check of
 * the same kind): township C (3699 01 102: villages 201 兰亭, 202 上坪), `h-` clusters, `e-` distractors.
 */
const C1 = '369901102201', C2 = '369901102202';
const HELD_OUT_ROWS: Row[] = [
  ['h-lanting-dogs', C1, 'safety.public_order', 0.3, '小区流浪狗咬人', '兰亭苑里面最近多了七八条流浪狗，昨天把我邻居家小孩咬伤了，打了狂犬疫苗。'],
  ['h-lanting-dogs', C1, 'environment.sanitation', 1.2, '野狗太多', '兰亭苑的野狗成群结队，晚上叫个不停，垃圾桶被翻得到处都是。'],
  ['h-lanting-dogs', C1, 'safety.public_order', 2.0, '请处理兰亭苑的狗', '早上送孩子上学被几条狗追着跑，兰亭苑物业说管不了。'],
  ['h-lanting-dogs', C1, 'health.services', 2.9, '被狗咬了', '我在兰亭苑门口被一条黄狗咬了腿，这些狗没人管吗？'],
  ['h-lanting-dogs', C1, 'safety.public_order', 3.8, '流浪犬隐患', '兰亭苑小区流浪犬越来越多，老人小孩都不敢下楼，希望有关部门抓一抓。'],
  ['h-lanting-dogs', C1, 'environment.sanitation', 4.6, '狗粪到处都是', '兰亭苑楼下草地全是狗屎，流浪狗还在楼道里下崽。'],

  ['h-hongxing-bus', C2, 'education.fees', 0.5, '校车超载', '红星小学的校车每天塞四十多个孩子，座位根本不够，太危险了。'],
  ['h-hongxing-bus', C2, 'transport.traffic', 1.4, '接送学生的车', '红星小学包的那辆面包车挤满了学生，车门都关不严。'],
  ['h-hongxing-bus', C2, 'education.enrollment', 2.6, '孩子坐校车不安全', '我女儿在红星小学，她说校车上站着好多人，司机还开得飞快。'],
  ['h-hongxing-bus', C2, 'transport.bus', 3.3, '反映红星小学校车', '校车没有跟车老师，孩子在车上打闹没人管，也不系安全带。'],
  ['h-hongxing-bus', C2, 'transport.traffic', 4.4, '请查校车', '红星小学接孩子的车是不是有资质？看着像私人的车，经常超员。'],

  ['h-heping-sewer', C1, 'environment.sanitation', 0.8, '下水道冒水', '和平街菜场门口的下水道堵了，污水冒出来流了半条街，臭得很。'],
  ['h-heping-sewer', C1, 'urban.roads', 1.7, '和平街污水横流', '这几天和平街一下雨就满地黑水，店铺门口都进水了。'],
  ['h-heping-sewer', C1, 'environment.pollution', 2.5, '排水管堵塞', '和平街那段排水管好像坏了，粪水从井盖里往外翻。'],
  ['h-heping-sewer', C1, 'environment.sanitation', 3.6, '街上太臭了', '住和平街的，家门口污水一直不退，蚊子苍蝇特别多。'],
  ['h-heping-sewer', C1, 'urban.roads', 4.9, '请疏通和平街下水道', '和平街下水道堵塞快一个星期了，没人来疏通。'],

  ['h-tianyuan-wages', C2, 'labor.wages', 0.4, '物流公司拖欠工资', '我在天元物流公司开货车，两个月工资没发了，老板说资金周转不开。'],
  ['h-tianyuan-wages', C2, 'labor.wages', 1.6, '天元物流欠薪', '天元物流的分拣工都没拿到上个月的钱，有几十个人。'],
  ['h-tianyuan-wages', C2, 'labor.social_insurance', 2.7, '公司不发工资也不交社保', '天元物流不但拖工资，社保也停缴了半年。'],
  ['h-tianyuan-wages', C2, 'labor.wages', 3.5, '讨要工钱', '天元物流公司辞退我们之后工钱一直不结，找了好几次。'],
  ['h-tianyuan-wages', C2, 'labor.wages', 4.8, '帮忙要一下工资', '在天元物流干了一年装卸，最后三个月的工资到现在没给。'],

  ['h-shangping-power', C2, 'utilities.power', 0.6, '又停电了', '上坪村这个星期停了四次电，每次好几个小时，也不通知。'],
  ['h-shangping-power', C2, 'utilities.power', 1.5, '经常断电', '我们村老是突然断电，家里冰箱的肉都坏了。'],
  ['h-shangping-power', C2, 'utilities.power', 2.8, '电压太低', '上坪村晚上电压低得开不了电饭煲，灯也是暗的。'],
  ['h-shangping-power', C2, 'agriculture.subsidy', 3.9, '停电影响养殖', '村里一停电增氧机就停了，鱼塘死了不少鱼，损失很大。'],
  ['h-shangping-power', C2, 'utilities.power', 4.7, '供电不稳定', '上坪村供电一直不稳定，变压器是不是该换了？'],

  ['h-binjiang-night-market', C1, 'environment.noise', 0.2, '夜市太吵', '滨江广场的夜市每天闹到凌晨两点，喇叭喊个不停，住在旁边根本没法睡。'],
  ['h-binjiang-night-market', C1, 'environment.pollution', 1.1, '烧烤油烟', '滨江广场夜市的烧烤摊油烟直往我家窗户里飘，衣服都不能晒。'],
  ['h-binjiang-night-market', C1, 'urban.roads', 2.2, '占道摆摊', '滨江广场夜市的摊位摆到了马路上，晚上车都过不去。'],
  ['h-binjiang-night-market', C1, 'environment.noise', 3.0, '反映滨江广场夜市扰民', '夜市的音响和划拳声太大，老人孩子都休息不好。'],
  ['h-binjiang-night-market', C1, 'environment.sanitation', 4.0, '夜市垃圾', '滨江广场夜市收摊后满地竹签和油污，第二天早上还没人扫。'],
  ['h-binjiang-night-market', C1, 'environment.noise', 5.1, '能不能管管夜市', '滨江广场的夜摊越摆越多，吵闹、油烟、占道都有，投诉多次没有改善。'],

  ['e-lanting-fee', C1, 'urban.property', 2.1, '物业费', '兰亭苑物业费收了却不打扫卫生，业主要求更换物业。'],
  ['e-lanting-parking', C1, 'transport.traffic', 3.1, '停车', '兰亭苑门口乱停车，消防车都进不去。'],
  ['e-hongxing-enrol', C2, 'education.enrollment', 1.9, '入学', '孩子明年上一年级，想问红星小学的招生范围。'],
  ['e-heping-light', C1, 'urban.roads', 2.4, '和平街路灯', '和平街北头的路灯坏了两盏，晚上很黑。'],
  ['e-tianyuan-trucks', C2, 'transport.traffic', 3.0, '货车堵路', '天元物流的大货车天天停在村道上，会车都困难。'],
  ['e-cuihu-dogs', C1, 'safety.public_order', 1.8, '翠湖小区有野狗', '翠湖小区也有几条野狗，晚上在垃圾站那边翻东西。'],
  ['e-cuihu-dogs', C1, 'safety.public_order', 4.1, '流浪狗', '翠湖小区的流浪狗追电动车，差点出事。'],
  ['e-hongda-wages', C2, 'labor.wages', 2.3, '纺织厂欠薪', '宏达纺织厂拖欠我们女工三个月工资。'],
  ['e-hongda-wages', C2, 'labor.wages', 4.2, '宏达纺织厂工资', '宏达纺织厂说订单少，工资一直拖着不发。'],
  ['e-xiaping-power', C1, 'utilities.power', 1.3, '停电', '兰亭社区今天下午停电，也没有提前通知。'],
  ['e-xiaping-power', C1, 'utilities.power', 3.4, '电压不稳', '兰亭社区这两天电压忽高忽低，烧坏了一台电视。'],
  ['e-binjiang-dance', C1, 'environment.noise', 2.6, '广场舞音响', '滨江广场早上六点就有人跳广场舞，音响开得很大。'],
];

export const HOTSPOT_HELD_OUT: readonly HotspotCase[] = HELD_OUT_ROWS.map(([topic, village, category, day, title, content]) => ({ topic, village, category, day, title, content }));
