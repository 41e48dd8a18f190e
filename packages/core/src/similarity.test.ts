import { describe, it, expect } from 'vitest';
import { charNgrams, normalizeForSimilarity, textSimilarity } from './similarity.js';

describe('normalizeForSimilarity', () => {
  it('strips Chinese and ASCII punctuation and whitespace', () => {
    expect(normalizeForSimilarity('  小区 路灯，坏了！\n（三号楼）“急” ')).toBe('小区路灯坏了三号楼急');
  });

  it('folds fullwidth characters to halfwidth and lower-cases', () => {
    expect(normalizeForSimilarity('ＡＢＣ１２３\u3000Wi-Fi')).toBe('abc123wifi');
  });
});

describe('charNgrams', () => {
  it('takes overlapping character bigrams by default', () => {
    expect([...charNgrams('路灯坏了')]).toEqual(['路灯', '灯坏', '坏了']);
  });

  it('deduplicates and honours n', () => {
    expect(charNgrams('哈哈哈').size).toBe(1);
    expect([...charNgrams('abcd', 3)]).toEqual(['abc', 'bcd']);
  });

  it('returns no n-grams for text shorter than n', () => {
    expect(charNgrams('路').size).toBe(0);
    expect(charNgrams('').size).toBe(0);
  });

  it('does not split characters outside the BMP', () => {
    expect([...charNgrams('𠀀𠀁')]).toEqual(['𠀀𠀁']);
  });
});

describe('textSimilarity', () => {
  const drain = '幸福村三组村民反映，村道旁的排水沟堵塞多日，下雨后污水漫到路面，请尽快疏通。';
  const wages = '本人在建筑工地务工，老板拖欠三个月工资共计一万二千元，多次讨要未果。';

  it('scores near-duplicate petitions above 0.6', () => {
    const resubmitted = '幸福村三组村民反映：村道旁排水沟已经堵塞多日，下雨后污水漫到路面上，请有关部门尽快疏通！';
    expect(textSimilarity(drain, resubmitted)).toBeGreaterThan(0.6);
    const sameTopicOtherWords = '我家楼下的化粪池满了，臭气熏天，物业一直不管，请尽快派人清理。';
    expect(textSimilarity('我家楼下化粪池满了，臭气熏天，物业不管，请派人清理', sameTopicOtherWords)).toBeGreaterThan(0.6);
  });

  it('ranks a free paraphrase between a near-duplicate and an unrelated request', () => {
    const paraphrase = '幸福村三组排水沟堵塞了好多天，一下雨污水就漫到路面上，希望尽快疏通！';
    const score = textSimilarity(drain, paraphrase);
    expect(score).toBeGreaterThan(textSimilarity(drain, wages));
    expect(score).toBeGreaterThan(0.4);
    expect(score).toBeLessThan(0.6);
  });

  it('scores the same complaint retyped with different punctuation and spacing as 1', () => {
    expect(textSimilarity('工地夜间施工，噪音扰民。', '工地 夜间施工噪音扰民！')).toBe(1);
  });

  it('scores unrelated requests below 0.2', () => {
    expect(textSimilarity(drain, wages)).toBeLessThan(0.2);
    expect(textSimilarity('小区路灯不亮，晚上出行不安全。', '咨询新农合医保报销的办理流程。')).toBeLessThan(0.2);
  });

  it('is symmetric and stays within [0, 1]', () => {
    const a = '路灯坏了';
    const b = '三号楼路灯坏了很久';
    const s = textSimilarity(a, b);
    expect(s).toBe(textSimilarity(b, a));
    expect(s).toBeGreaterThan(0);
    expect(s).toBeLessThan(1);
    expect(s).toBeCloseTo((2 * 3) / (3 + 8), 10);
  });

  it('falls back to single characters for one-character texts', () => {
    expect(textSimilarity('水', '停水')).toBeCloseTo((2 * 1) / (1 + 2), 10);
    expect(textSimilarity('水', '电')).toBe(0);
  });

  it('scores empty or punctuation-only texts as 0', () => {
    expect(textSimilarity('', '')).toBe(0);
    expect(textSimilarity('。。。', '！')).toBe(0);
    expect(textSimilarity('路灯坏了', '')).toBe(0);
  });
});
