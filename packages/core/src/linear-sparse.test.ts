import { describe, expect, it } from 'vitest';
import { charNgramHashes } from './linear-hashing.js';
import { vectorize, vocabularyAndRows } from './linear-sparse.js';

const texts = ['小区停水三天了', '停水了水压低', '工地老板拖欠工资', '拖欠工资三个月', '学校招生', '小区学校停水'];
const docs = texts.map((t) => charNgramHashes(t));

/** A row as a map from feature index to value, rounded (the order of entries may differ). */
const asMap = (idx: ArrayLike<number>, val: ArrayLike<number>) => new Map(Array.from(idx, (f, j) => [f, +val[j]!.toFixed(6)]));

describe('vocabulary and rows in one pass', () => {
  it('rows are what vectorize makes of each document under the same vocabulary', () => {
    const { vocab, rows } = vocabularyAndRows(docs, 1, 1000);
    docs.forEach((d, r) => {
      const one = vectorize(d, vocab);
      expect(asMap(rows.idx.subarray(rows.start[r]!, rows.start[r + 1]!), rows.val.subarray(rows.start[r]!, rows.start[r + 1]!))).toEqual(asMap(one.idx, one.val));
    });
  });

  it('prunes features in fewer than minDf documents, and numbers the most frequent first', () => {
    const { vocab, rows } = vocabularyAndRows(docs, 2, 1000);
    // 停水 is in three documents, 招生 in one.
    const [stop] = charNgramHashes('停水').subarray(1, 2);
    const [zhao] = charNgramHashes('招生').subarray(1, 2);
    expect(vocab.index.get(zhao!)).toBe(-1);
    expect(vocab.index.get(stop!)).toBeGreaterThanOrEqual(0);
    // The idf falls (weakly) with the index: frequent features first.
    for (let f = 1; f < vocab.idf.length; f++) expect(vocab.idf[f]!).toBeGreaterThanOrEqual(vocab.idf[f - 1]!);
    // Every row is L2-normalised over what is left.
    for (let r = 0; r < docs.length; r++) {
      let s = 0;
      for (let j = rows.start[r]!; j < rows.start[r + 1]!; j++) s += rows.val[j]! ** 2;
      if (rows.start[r + 1]! > rows.start[r]!) expect(s).toBeCloseTo(1, 5);
    }
  });

  it('keeps at most maxFeatures, the most frequent', () => {
    const { vocab } = vocabularyAndRows(docs, 1, 3);
    expect(vocab.idf.length).toBe(3);
    const [shui] = charNgramHashes('水');
    expect(vocab.index.get(shui!)).toBeGreaterThanOrEqual(0);
  });
});
