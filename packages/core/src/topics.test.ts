import { describe, expect, it } from 'vitest';
import { hotTopics, placeAsWritten, textSimilarity, type TopicCase } from './index.js';

const V1 = '369901100201', V2 = '369901100202', OTHER_TOWN = '369901101201';
let n = 0;
const make = (title: string, content: string, categoryCode: string, areaCode = V1, day = 1): TopicCase => ({ id: `t${n++}`, title, content, categoryCode, areaCode, receivedAt: new Date(Date.UTC(2026, 10, 1 + day)).toISOString() });

// Five residents on one estate's nightly construction, in their own words.
const works = () => [
  make('晚上施工吵得没法睡', '溪南花园旁边的工地这几天一直干到凌晨，打桩机响个不停。', 'environment.noise'),
  make('工地夜间作业', '我是溪南花园的住户，隔壁工地每天夜里机器轰鸣。', 'environment.noise'),
  make('反映工地扰民', '溪南花园小区南门外的楼盘晚上十一点以后还在浇混凝土，根本睡不着。', 'environment.noise'),
  make('夜里还在施工', '溪南花园边上的项目半夜还开工，声音太大了。', 'urban.illegal_building'),
  make('噪声扰民', '住在溪南花园，最近每晚都被工地的噪音吵醒。', 'environment.noise'),
];

describe('hot topics', () => {
  it('groups one matter in many words, which character similarity does not', async () => {
    const cases = works();
    const dice = textSimilarity(`${cases[0]!.title}${cases[0]!.content}`, `${cases[2]!.title}${cases[2]!.content}`);
    expect(dice).toBeLessThan(0.3);
    const [topic, ...rest] = await hotTopics(cases);
    expect(rest).toEqual([]);
    expect(topic!.cases.map((c) => c.id).sort()).toEqual(cases.map((c) => c.id).sort());
    expect(topic!.place).toBe('溪南花园');
    expect(topic!.matter.length).toBeGreaterThan(0);
    expect(topic!.areaCode).toBe(V1);
    expect(topic!.categoryCode).toBe('environment.noise');
  });

  it('keeps the same place’s other matter and the same matter at another place out', async () => {
    const cases = [
      ...works().slice(0, 4),
      make('物业费涨价', '溪南花园物业费从每平一块二涨到一块八，没有开业主大会。', 'urban.property'),
      make('锦绣家园旁边施工吵', '锦绣家园北边修路，夜里十二点还在切割路面，吵得睡不着。', 'environment.noise'),
      make('夜间施工扰民', '锦绣家园门口的管道工程晚上一直施工，噪音很大。', 'environment.noise'),
    ];
    expect(await hotTopics(cases)).toEqual([]);
    // A smell that keeps people awake is not the works' noise (the demo county's pig farm).
    expect((await hotTopics([...works(), make('养殖场粪水流进河里', '村后面有一个养猪场，粪水直接排到河里，河水发黑发臭，夏天气味熏得人晚上都睡不着。', 'environment.pollution')]))[0]!.cases).toHaveLength(5);
    expect((await hotTopics(cases, { minCases: 2 })).map((t) => t.place).sort()).toEqual(['溪南花园', '锦绣家园']);
    expect((await hotTopics(cases, { minCases: 2 })).find((t) => t.place === '溪南花园')!.cases).toHaveLength(4);
  });

  it('joins a named place across villages of one township, never across townships, and without a name only within one village', async () => {
    const spread = works().map((c, i) => ({ ...c, areaCode: i % 2 ? V2 : V1 }));
    const [topic] = await hotTopics(spread);
    expect(topic!.areaCode).toBe('369901100000');
    expect(await hotTopics(works().map((c, i) => ({ ...c, areaCode: i % 2 ? OTHER_TOWN : V1 })))).toEqual([]);
    const unnamed = works().map((c, i) => ({ ...c, content: c.content.replaceAll('溪南花园', '我们小区'), areaCode: i % 2 ? V2 : V1 }));
    expect(await hotTopics(unnamed)).toEqual([]);
  });

  it('reads a place as the texts write it', async () => {
    expect(placeAsWritten('estate:溪南', ['住在溪南花园，最近…'])).toBe('溪南花园');
    expect(placeAsWritten('water:大塘', ['石门村大塘发臭'])).toBe('大塘');
  });
});
