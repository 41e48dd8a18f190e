import { describe, it, expect } from 'vitest';
import { DEFAULT_RISK_WORDS, findRiskWords } from './risk-words.js';

describe('DEFAULT_RISK_WORDS', () => {
  it('has about twenty unique words covering all three groups', () => {
    const words = DEFAULT_RISK_WORDS.map((w) => w.word);
    expect(words.length).toBeGreaterThanOrEqual(15);
    expect(words.length).toBeLessThanOrEqual(25);
    expect(new Set(words).size).toBe(words.length);
    expect(new Set(DEFAULT_RISK_WORDS.map((w) => w.group))).toEqual(new Set(['self_harm', 'violence', 'gathering']));
  });
});

describe('findRiskWords', () => {
  it('finds nothing in an ordinary request', () => {
    expect(findRiskWords('小区路灯坏了一个月，晚上出行不方便，请尽快维修。')).toEqual([]);
  });

  it('returns each word once, in order of appearance, with its group', () => {
    const text = '再不解决工资问题我就去拉横幅，逼急了就跳楼，反正不想活了。我真的会跳楼！';
    expect(findRiskWords(text)).toEqual([
      { word: '拉横幅', group: 'gathering' },
      { word: '跳楼', group: 'self_harm' },
      { word: '不想活了', group: 'self_harm' },
    ]);
  });

  it('sees through spaces and punctuation inserted into a word', () => {
    expect(findRiskWords('我要去 跳 楼')).toEqual([{ word: '跳楼', group: 'self_harm' }]);
    expect(findRiskWords('要和他们同归…于尽')).toEqual([{ word: '同归于尽', group: 'violence' }]);
  });

  it('does not flag harmless uses of risky characters', () => {
    expect(findRiskWords('举报村干部侵占集体资金，担心被打击报复，请求保密。')).toEqual([]);
    expect(findRiskWords('楼下炸酱面馆油烟太大。')).toEqual([]);
  });

  it('accepts a county’s own list', () => {
    const custom = [{ word: '讨说法', group: 'gathering' as const }];
    expect(findRiskWords('几十个人明天去镇里讨说法', custom)).toEqual([{ word: '讨说法', group: 'gathering' }]);
    expect(findRiskWords('我要跳楼', custom)).toEqual([]);
  });

  it('orders words starting at the same place by list order', () => {
    const custom = [
      { word: '集体上访', group: 'gathering' as const },
      { word: '集体', group: 'gathering' as const },
    ];
    expect(findRiskWords('准备集体上访', custom).map((w) => w.word)).toEqual(['集体上访', '集体']);
  });
});
