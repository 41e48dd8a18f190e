/**
 * The anonymiser of the public board (政务公开): takes what a resident wrote, or a unit's reply, and
 * removes what identifies a person — names, phone numbers, ID numbers, house numbers, e-mail,
 * licence plates — before it is shown to anybody on the internet.
 *
 * It errs on the side of removing: a run of seven or more digits goes whatever it was, and a
 * surname followed by a form of address (张阿姨, 王书记, 老李) loses the surname. Names written
 * without any such sign can only be caught when known, so callers pass the names they know (the
 * requester's, the staff who acted on the case).
 */

/** The replacement of a removed name. */
export const NAME_MASK = '某某';
/** The replacement of a removed number. */
export const NUMBER_MASK = '***';

/** The most common Chinese surnames (about 90 % of the population), single and double. */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由'.split('');
const DOUBLE_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '百里'];
const SURNAME_CLASS = `(?:${DOUBLE_SURNAMES.join('|')}|[${SURNAMES.join('')}])`;

/** Forms of address and titles that follow a surname: 张阿姨, 王书记, 李师傅. */
const TITLES = [
  '先生', '女士', '小姐', '同志', '师傅', '老师', '医生', '大夫', '律师', '警官',
  '大爷', '大妈', '大娘', '大伯', '大叔', '大哥', '大姐', '阿姨', '叔叔', '伯伯', '奶奶', '爷爷', '婆婆', '老汉', '老太', '嫂',
  '书记', '主任', '村长', '组长', '镇长', '乡长', '县长', '局长', '所长', '站长', '科长', '队长', '经理', '老板', '委员', '网格员', '干部',
];
const TITLE_CLASS = `(?:${TITLES.join('|')})`;

/** Words that introduce a name: 我叫张三, 联系人：李四. */
const NAME_INTRODUCERS = '(?:我叫|名叫|叫做|本人|姓名|联系人|反映人|来访人|来电人|申请人|承办人|经办人|办理人|负责人|工作人员|网格员|户主|家属|我爸|我妈|我父亲|我母亲|我丈夫|我妻子|我儿子|我女儿|邻居)';

const CHINESE_DIGITS = '零〇一二三四五六七八九幺两十百';

const REPLACEMENTS: Array<[RegExp, string | ((...m: string[]) => string)]> = [
  // E-mail addresses.
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, NUMBER_MASK],
  // Licence plates: 赣A12345, 赣A·D12345.
  [/([\u4e00-\u9fa5])[A-Z][·•\s]?[A-Z0-9]{5,6}/g, (_m, province: string) => `${province}${NUMBER_MASK}`],
  // ID numbers (18 or 15 digits, X check digit), with or without spaces between groups.
  [/\d{6}[\s-]?\d{4}[\s-]?\d{4}[\s-]?\d{3}[\dXx]|\d{15}/g, NUMBER_MASK],
  // Any run of 7+ digits, spaces, dots or dashes allowed between them: phones (+86 139 0798 1234,
  // 0798-1234567), bank cards, QQ numbers. Dates (2026-11-21) stay.
  [
    /(?:\+?86[\s-]?)?\d(?:[\s\-.–—]?\d){6,}/g,
    (m: string) => (/^\d{4}[-.]\d{1,2}[-.]\d{1,2}$/.test(m) ? m : NUMBER_MASK),
  ],
  // Numbers written in Chinese digits, as people dictate phones (一三九〇七九八一二三四).
  [new RegExp(`[${CHINESE_DIGITS}]{7,}`, 'g'), NUMBER_MASK],
  // House, building, unit and room numbers: 12号, 3栋, 2单元, 301室, 5-301; not dates (3月12号).
  [/(?<![月\d])\d+(?:[-－]\d+)*(?=\s*(?:号|栋|幢|座|单元|室|弄|户|号楼))/g, NUMBER_MASK],
  [new RegExp(`(?<!月)[${CHINESE_DIGITS}]+(?=(?:号|栋|幢|单元|室|弄))`, 'g'), NUMBER_MASK],
  // A name after a word that introduces one: 我叫张秀英 → 我叫某某.
  [new RegExp(`(${NAME_INTRODUCERS}[:：是为叫\\s]*)${SURNAME_CLASS}[\\u4e00-\\u9fa5]{1,2}(?=$|[^\\u4e00-\\u9fa5]|[，。、,.；;！!？?（(的在家住是和与反说已于向对将称表等同也])`, 'g'), `$1${NAME_MASK}`],
  // A surname with a form of address: 张阿姨 → 某阿姨, 王书记 → 某书记; 老李 / 小王 → 某某.
  [new RegExp(`${SURNAME_CLASS}(?=${TITLE_CLASS})`, 'g'), '某'],
  [new RegExp(`[老小]${SURNAME_CLASS}(?=$|[^\\u4e00-\\u9fa5]|[，。、说家的在和])`, 'g'), NAME_MASK],
];

/** Every form in which a known name may appear: the full name, and the given name of three-character names. */
function nameForms(name: string): string[] {
  const clean = name.replace(/\s+/g, '');
  const chars = [...clean];
  if (chars.length < 2) return [];
  const forms = [clean];
  const surnameLength = DOUBLE_SURNAMES.some((s) => clean.startsWith(s)) ? 2 : 1;
  // The given name alone is distinctive enough to remove when it has two characters (秀英).
  if (chars.length - surnameLength >= 2) forms.push(chars.slice(surnameLength).join(''));
  // Latin names: also the parts.
  if (/^[A-Za-z\s.'-]+$/.test(name)) forms.push(...name.split(/\s+/).filter((p) => p.length >= 3));
  return forms;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The anonymised version of `text`. `knownNames` are removed wherever they appear (with their
 * given names); then the patterns above apply. Full-width digits and letters are folded first, so
 * １３９… is caught like 139….
 */
export function redact(text: string, knownNames: readonly (string | null | undefined)[] = []): string {
  // Fold full-width digits and letters only; full-width punctuation (，。) is Chinese text.
  let out = text.replace(/[０-９Ａ-Ｚａ-ｚ＋－＠．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const forms = [...new Set(knownNames.filter((n): n is string => !!n && n.trim().length > 0).flatMap(nameForms))].sort((a, b) => b.length - a.length);
  if (forms.length) out = out.replace(new RegExp(forms.map(escapeRegExp).join('|'), 'gi'), NAME_MASK);
  for (const [pattern, replacement] of REPLACEMENTS) out = out.replace(pattern, replacement as never);
  return out;
}
