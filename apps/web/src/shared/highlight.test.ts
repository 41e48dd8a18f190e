import { describe, expect, it } from 'vitest';
import { splitSnippet } from './highlight';

describe('splitSnippet', () => {
  it('marks the words the server wrapped in 【】', () => {
    expect(splitSnippet('…村里【低保】名单公示后，【拆迁】补偿')).toEqual([
      { text: '…村里', match: false },
      { text: '低保', match: true },
      { text: '名单公示后，', match: false },
      { text: '拆迁', match: true },
      { text: '补偿', match: false },
    ]);
  });
  it('leaves a snippet without marks whole, and drops empty marks', () => {
    expect(splitSnippet('没有命中')).toEqual([{ text: '没有命中', match: false }]);
    expect(splitSnippet('a【】b')).toEqual([
      { text: 'a', match: false },
      { text: 'b', match: false },
    ]);
  });
  it('splits the 【】 matches of a policy snippet from plain text', () => {
    expect(splitSnippet('…申请【低保】须【户籍】所在地')).toEqual([
      { text: '…申请', match: false },
      { text: '低保', match: true },
      { text: '须', match: false },
      { text: '户籍', match: true },
      { text: '所在地', match: false },
    ]);
  });
});
