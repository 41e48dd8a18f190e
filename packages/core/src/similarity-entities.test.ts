import { describe, expect, it } from 'vitest';
import { assessSimilarity, matterConcepts, namedEntities, shareEntity } from './similarity.js';

const V1 = '369901100201', V2 = '369901100202';

describe('named places and organisations (issue 18)', () => {
  it('finds the employer, the estate, the road and the pond whatever the wording', () => {
    expect(shareEntity(namedEntities('鑫达建筑有限公司拖欠工资'), namedEntities('在鑫达建筑公司干活老板不发工资'))).toBe(true);
    expect(shareEntity(namedEntities('溪南花园小区门口路灯坏了'), namedEntities('我们溪南花园的路灯不亮'))).toBe(true);
    expect(shareEntity(namedEntities('城郊村大塘漏水了'), namedEntities('村口的大塘漏水'))).toBe(true);
    expect([...namedEntities('解放路上的路灯')]).toEqual(['road:解放路']);
    expect(shareEntity(namedEntities('溪南花园的路灯'), namedEntities('金色家园的路灯'))).toBe(false);
  });

  it('reads the kind of matter from everyday words', () => {
    expect([...matterConcepts('晚上没有灯，黑漆漆的').keys()]).toEqual(['light']);
    expect(matterConcepts('路灯坏了').has('light')).toBe(true);
  });
});

describe('the duplicate flag', () => {
  it('flags the same matter at the same place told in other words', () => {
    const open = { title: '鑫达建筑拖欠工资', content: '我在鑫达建筑有限公司干了半年，老板拖欠工资三万多元。', areaCode: V1, requesterKey: 'a' };
    const probe = { title: '讨要工钱', content: '去年在鑫达建筑公司做事，工钱到现在都没结清。', areaCode: V1, requesterKey: 'b' };
    expect(assessSimilarity(probe, open).sameMatter).toBe(true);
  });

  it('flags a visit problem about the same pond as an open case', () => {
    const open = { title: '大塘漏水', content: '城郊村大塘的堤坝漏水好长时间了，下游的田都灌不上水。', areaCode: V1, requesterKey: null };
    const visit = { title: '村口大塘渗漏', content: '走访发现村口大塘渗漏严重，存不住水，春耕用水成问题。', areaCode: V1, requesterKey: null };
    expect(assessSimilarity(visit, open).sameMatter).toBe(true);
  });

  it('does not flag the same words about another estate, nor another matter at the same place', () => {
    const a = { title: '路灯不亮', content: '溪南花园门口的路灯坏了一个多月，晚上出行很不安全。', areaCode: V1, requesterKey: null };
    const lookAlike = { title: '路灯不亮', content: '金色家园门口的路灯坏了一个多月，晚上出行很不安全。', areaCode: V1, requesterKey: null };
    const otherMatter = { title: '物业乱收费', content: '溪南花园物业今年突然把物业费涨了一倍，也不公示账目。', areaCode: V1, requesterKey: null };
    expect(assessSimilarity(a, lookAlike).sameMatter).toBe(false);
    expect(assessSimilarity(a, otherMatter).sameMatter).toBe(false);
    expect(assessSimilarity(a, { ...a, areaCode: V2 }).score).toBeGreaterThan(assessSimilarity(a, lookAlike).score);
  });

  it('counts the same household, a like address or a pin within 150 m as the same place', () => {
    const base = { title: '屋顶漏雨', content: '房子屋顶漏雨', areaCode: V1, requesterKey: null };
    const same = assessSimilarity({ ...base, householdId: 'h1' }, { ...base, householdId: 'h1' }).score;
    const near = assessSimilarity({ ...base, lat: 27.8, lng: 115.9 }, { ...base, lat: 27.8005, lng: 115.9005 }).score;
    const far = assessSimilarity({ ...base, lat: 27.8, lng: 115.9 }, { ...base, lat: 27.81, lng: 115.91 }).score;
    expect(same).toBeGreaterThan(far);
    expect(near).toBeGreaterThan(far);
  });
});
