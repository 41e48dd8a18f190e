import { describe, expect, it } from 'vitest';
import { rankDocuments } from './search.rank.js';

const context = (terms: string[], docFrequency: number[], prefixLast = false) => ({ terms, prefixLast, docFrequency, totalDocs: 1000 });

describe('rankDocuments (BM25 over the indexed words)', () => {
  it('ranks more occurrences higher, and a short case above a long one with as many', () => {
    const [thrice, once, onceLong] = rankDocuments(context(['低保'], [10]), ['低保 复核 低保 低保', '低保 复核 申请 材料', '低保 复核 申请 材料 社区 递交 答复 三个 月前 至今']);
    expect(thrice).toBeGreaterThan(once!);
    expect(once).toBeGreaterThan(onceLong!);
  });

  it('weighs a rare word above a common one, and counts words the last term begins when asked', () => {
    const [rareOnly, commonOnly] = rankDocuments(context(['拆迁', '社区'], [5, 900]), ['拆迁 补偿', '社区 补偿']);
    expect(rareOnly).toBeGreaterThan(commonOnly!);
    expect(rankDocuments(context(['路'], [10]), ['路灯 不亮'])).toEqual([0]);
    expect(rankDocuments(context(['路'], [10], true), ['路灯 不亮'])[0]).toBeGreaterThan(0);
  });

  it('gives 0 to a case without the words, and survives an empty pool or frequencies above the size', () => {
    expect(rankDocuments(context(['高铁'], [0]), ['路灯 不亮'])).toEqual([0]);
    expect(rankDocuments(context(['高铁'], [0]), [])).toEqual([]);
    expect(rankDocuments({ ...context(['低保'], [5000]), totalDocs: 10 }, ['低保'])[0]).toBeGreaterThan(0);
  });
});
