import { dict } from '@node-rs/jieba/dict';
import { segmenter } from '../../text/jieba.js';

/**
 * What the redactor knows about Chinese words: surnames, forms of address, the words that introduce
 * a name, and — from jieba's dictionary — which two- and three-character strings are ordinary words
 * (文明, 海军, 小区, 党支部), so that a name is only taken where the text reads as a name.
 */

/** The most common Chinese surnames (about 90 % of the population). */
export const SURNAMES = new Set(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由赖傅',
);
export const DOUBLE_SURNAMES = ['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '轩辕', '令狐', '端木', '独孤', '南宫', '西门', '百里'];

/** Length of the surname at `i` (2 for 欧阳), 0 when none starts there. */
export function surnameAt(text: string, i: number): number {
  if (DOUBLE_SURNAMES.some((s) => text.startsWith(s, i))) return 2;
  return SURNAMES.has(text[i]) ? 1 : 0;
}

/** Forms of address and titles that follow a name or a surname: 张阿姨, 王书记, 李红英主任. */
export const TITLES = [
  '先生', '女士', '小姐', '同志', '师傅', '老师', '医生', '大夫', '护士', '律师', '警官', '民警', '会计', '院长', '校长',
  '大爷', '大妈', '大娘', '妈妈', '大伯', '大叔', '大哥', '大姐', '阿姨', '叔叔', '伯伯', '奶奶', '爷爷', '婆婆', '老汉', '老太', '嫂子', '姐', '哥', '嫂', '婶',
  '书记', '副书记', '主任', '副主任', '村长', '组长', '镇长', '乡长', '县长', '局长', '所长', '站长', '科长', '股长', '队长', '经理', '老板', '委员', '网格员', '干部', '专干', '支书',
];

/** Words after which a name follows: 我叫张三, 联系人：李四, 网格员吴梦婷. */
export const INTRODUCERS = [
  '我叫', '名叫', '叫做', '本人', '姓名', '联系人', '反映人', '来访人', '来电人', '申请人', '承办人', '经办人', '办理人', '负责人', '工作人员',
  '网格员', '户主', '家属', '邻居', '村民', '居民', '书记', '支书', '主任', '村长', '组长', '队长', '干部', '专干', '医生', '老师', '师傅', '民警', '老人',
  '我是', '他是', '她是', '我爸', '我妈', '我父亲', '我母亲', '我丈夫', '我妻子', '我爱人', '我老伴', '我儿子', '我女儿', '我公公', '我婆婆', '我哥', '我姐', '我弟', '我妹',
];

/** Words that make a known but ambiguous name (甘露, 高明) certain when they come right before it. */
export const CERTAIN_BEFORE = [...INTRODUCERS, '感谢', '谢谢', '表扬', '点赞', '找了', '联系', '致电'];
/** …or right after it. */
export const CERTAIN_AFTER = [...TITLES, '等人', '等同志', '一家', '夫妇', '两口子', '家里', '他们', '她们', '说', '讲', '反映', '帮', '帮忙', '帮我', '陪'];

/** Characters that never belong to a given name written after a surname (the word that follows). */
export const NOT_GIVEN = new Set('某的在家住是和与反说已于向对将称表等同也了啊呀吧们为到从把被让给跟并都就还又很有今去来帮找打电手联系反映、，。,.；;！!？?：:（()）“”"\'《》 \n\t');

/** 老X / 小X that are words, not a person: 小区, 小时, 老师. */
const OLD_YOUNG_WORDS = new Set(
  '小于 小农 小包 小区 小国 小孔 小康 小时 小曲 小楼 小牛 小米 小花 小费 小路 小车 小门 小麦 小计 小商 小卫 小平 小强 小鹿 小龙 小叶 小白 小毛 小麻 小巫 小满 小暑 小雪 老公 老区 老师 老母 老祖 老练 老翁 老井 老房 老路 老成 老干 老伴 老毛 老牛 老家 老于 老城 老汤 老宅 老街 老屋 老乡 老车 老门'.split(' '),
);
export const isOldYoungWord = (w: string) => OLD_YOUNG_WORDS.has(w);

/** Surname characters that, standing alone before a title, are far more often a function word: 向书记汇报. */
export const FUNCTION_SURNAMES = new Set('向和都由但那应来时从于与对给跟同把被让');

let ordinary: Map<string, number> | undefined;

/** Two- and three-character words of jieba's dictionary that are not a person's name, with their frequency. */
function ordinaryWords(): Map<string, number> {
  if (!ordinary) {
    ordinary = new Map();
    for (const line of new TextDecoder().decode(dict).split('\n')) {
      const [w, freq, tag] = line.split(' ');
      if (!w || w.length < 2 || w.length > 3) continue;
      // Names so frequent that they are words too (文明, 高明) count as words.
      if (!tag?.startsWith('nr') || Number(freq) >= 500) ordinary.set(w, Number(freq));
    }
  }
  return ordinary;
}

/** Is `word` an ordinary word of the dictionary (党支部, 小区, 文明)? Loaded once (~0.3 s). */
export const isOrdinaryWord = (word: string) => ordinaryWords().has(word);

/**
 * Is `word` an ordinary word common enough that a known name spelt the same is more likely the word
 * (文明 6584, 海军 7228, 公平 1646) than the person (甘露 147, 建军 170 — taken as names)?
 */
export const isCommonWord = (word: string) => (ordinaryWords().get(word) ?? 0) >= 300;

/** Jieba's words of `text` (dictionary words only, no HMM guesses) with their offsets. */
export function tokensOf(text: string): Array<{ word: string; start: number }> {
  let at = 0;
  const tokens = segmenter()
    .cut(text, false)
    .map((word) => {
      const start = at;
      at += word.length;
      return { word, start };
    });
  // Offsets are only right if the words spell the text again; otherwise every character is a word.
  if (at === text.length) return tokens;
  let offset = 0;
  return [...text].map((word) => ({ word, start: (offset += word.length) - word.length }));
}

export const isHan = (c: string | undefined) => !!c && /[\u3400-\u9fff]/.test(c);
