/**
 * Keywords a new county starts with for the default category tree (db/seed/categories.ts), so
 * that the cold-start suggestion has more than the categories' names to go on: the words
 * residents use for each matter. Admins' categories without an entry here still get their
 * names' keywords (suggest-logic.ts `categoryKeywords`).
 */
export const DEFAULT_CATEGORY_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  'urban.roads': ['道路', '路面', '坑洼', '路灯', '井盖', '人行道', '桥梁', '破损', '修路'],
  'urban.property': ['物业', '物业费', '业委会', '电梯', '小区', '停车位', '保安'],
  'urban.illegal_building': ['违建', '违章', '搭建', '加建', '私搭乱建', '违法建筑'],
  'urban.housing': ['公租房', '廉租房', '保障房', '棚改', '房产证', '不动产'],
  'utilities.water': ['停水', '自来水', '水压', '水管', '水质', '水表', '供水'],
  'utilities.power': ['停电', '电压', '电线', '电表', '电费', '供电', '变压器'],
  'utilities.gas': ['燃气', '天然气', '煤气', '气压', '漏气'],
  'utilities.heating': ['供暖', '暖气', '采暖', '温度低'],
  'environment.pollution': ['污染', '排污', '污水', '废气', '异味', '臭味', '粉尘', '油烟', '黑烟'],
  'environment.sanitation': ['垃圾', '清运', '卫生', '保洁', '公厕', '蚊蝇'],
  'environment.noise': ['噪声', '噪音', '扰民', '施工', '广场舞', '夜间'],
  'land.expropriation': ['拆迁', '征收', '征地', '补偿款', '安置', '搬迁'],
  'land.homestead': ['宅基地', '建房', '建房审批', '地基', '房屋'],
  'land.contract': ['承包地', '土地承包', '流转', '确权', '租金'],
  'labor.wages': ['工资', '欠薪', '拖欠', '工钱', '农民工', '包工头'],
  'labor.social_insurance': ['社保', '养老保险', '失业保险', '工伤', '缴费', '退休金'],
  'labor.employment': ['就业', '招聘', '创业', '培训', '失业', '贷款'],
  'social.dibao': ['低保', '特困', '救助', '困难', '五保'],
  'social.elderly': ['养老', '老人', '高龄', '津贴', '敬老院', '养老院', '居家养老'],
  'social.disability': ['残疾', '残疾证', '残疾人', '轮椅', '护理补贴'],
  'agriculture.subsidy': ['补贴', '惠农', '种粮', '耕地地力', '农机'],
  'agriculture.irrigation': ['灌溉', '水渠', '水利', '山塘', '水库', '抗旱', '排涝', '池塘'],
  'agriculture.village_affairs': ['村务', '村委', '村干部', '公开', '集体', '换届', '村账'],
  'education.enrollment': ['入学', '招生', '学位', '转学', '学区', '幼儿园', '上学'],
  'education.fees': ['学费', '收费', '补课', '资料费', '乱收费', '校服'],
  'health.insurance': ['医保', '报销', '新农合', '医疗保险', '住院费'],
  'health.services': ['医院', '医生', '看病', '卫生院', '诊所', '疫苗', '药品'],
  'safety.dispute': ['纠纷', '矛盾', '邻里', '吵架', '调解', '赔偿'],
  'safety.public_order': ['治安', '偷盗', '诈骗', '赌博', '打架', '报警', '盗窃'],
  'transport.bus': ['公交', '班车', '客运', '站点', '线路', '发车'],
  'transport.traffic': ['交通', '停车', '红绿灯', '占道', '拥堵', '超载', '违停'],
  'conduct.attitude': ['态度', '推诿', '刁难', '不作为', '办事难'],
  'conduct.integrity': ['腐败', '贪污', '吃拿卡要', '受贿', '虚报', '优亲厚友'],
};
