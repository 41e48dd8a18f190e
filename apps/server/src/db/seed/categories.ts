/**
 * The category tree a new county starts with (admins edit it). Codes are stable slugs; the
 * time-limit defaults refer to `utilities`, `land` and `labor`.
 */
export const DEFAULT_CATEGORIES: ReadonlyArray<{ code: string; name: string; nameEn: string; children: ReadonlyArray<[code: string, name: string, nameEn: string]> }> = [
  { code: 'urban', name: '城乡建设', nameEn: 'Urban and rural construction', children: [['urban.roads', '道路设施', 'Roads'], ['urban.property', '物业管理', 'Property management'], ['urban.illegal_building', '违法建设', 'Illegal building'], ['urban.housing', '住房保障', 'Housing']] },
  { code: 'utilities', name: '水电气热', nameEn: 'Water, power, gas, heating', children: [['utilities.water', '供水', 'Water supply'], ['utilities.power', '供电', 'Power supply'], ['utilities.gas', '燃气', 'Gas'], ['utilities.heating', '供暖', 'Heating']] },
  { code: 'environment', name: '生态环境', nameEn: 'Environment', children: [['environment.pollution', '污染防治', 'Pollution'], ['environment.sanitation', '环境卫生', 'Sanitation'], ['environment.noise', '噪声扰民', 'Noise']] },
  { code: 'land', name: '土地征迁', nameEn: 'Land and resettlement', children: [['land.expropriation', '征地拆迁', 'Expropriation'], ['land.homestead', '宅基地', 'Homestead'], ['land.contract', '土地承包', 'Land contracts']] },
  { code: 'labor', name: '劳动保障', nameEn: 'Labour and social security', children: [['labor.wages', '拖欠工资', 'Unpaid wages'], ['labor.social_insurance', '社会保险', 'Social insurance'], ['labor.employment', '就业创业', 'Employment']] },
  { code: 'social', name: '民政救助', nameEn: 'Social assistance', children: [['social.dibao', '低保特困', 'Minimum living allowance'], ['social.elderly', '养老服务', 'Elderly care'], ['social.disability', '残疾人帮扶', 'Disability support']] },
  { code: 'agriculture', name: '农业农村', nameEn: 'Agriculture and villages', children: [['agriculture.subsidy', '惠农补贴', 'Farm subsidies'], ['agriculture.irrigation', '农田水利', 'Irrigation'], ['agriculture.village_affairs', '村务管理', 'Village affairs']] },
  { code: 'education', name: '教育文体', nameEn: 'Education, culture, sport', children: [['education.enrollment', '入学招生', 'School enrolment'], ['education.fees', '教育收费', 'School fees']] },
  { code: 'health', name: '医疗卫生', nameEn: 'Health', children: [['health.insurance', '医保报销', 'Medical insurance'], ['health.services', '医疗服务', 'Medical services']] },
  { code: 'safety', name: '平安法治', nameEn: 'Safety and disputes', children: [['safety.dispute', '矛盾纠纷', 'Disputes'], ['safety.public_order', '社会治安', 'Public order']] },
  { code: 'transport', name: '交通运输', nameEn: 'Transport', children: [['transport.bus', '公交客运', 'Buses'], ['transport.traffic', '交通秩序', 'Traffic']] },
  { code: 'conduct', name: '干部作风', nameEn: 'Conduct of officials', children: [['conduct.attitude', '服务态度', 'Service attitude'], ['conduct.integrity', '廉洁问题', 'Integrity']] },
  { code: 'other', name: '其他', nameEn: 'Other', children: [] },
];
