import { describe, expect, it } from 'vitest';
import { highlightParts } from './policy-types';

describe('policy snippets', () => {
  it('splits 【】 matches from plain text', () => {
    expect(highlightParts('…申请【低保】须【户籍】所在地')).toEqual([
      { text: '…申请', hit: false },
      { text: '低保', hit: true },
      { text: '须', hit: false },
      { text: '户籍', hit: true },
      { text: '所在地', hit: false },
    ]);
    expect(highlightParts('没有命中')).toEqual([{ text: '没有命中', hit: false }]);
  });
});
