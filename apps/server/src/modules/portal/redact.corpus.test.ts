import { describe, expect, it } from 'vitest';
import { redact, redactionSpans } from './redact.js';
import { CORPUS, corpusDictionary, scoreCorpus } from './redaction-corpus/index.js';

/**
 * The redaction corpus (200+ public texts written for Lianxin): no name, phone, ID or house number
 * gets through, and no ordinary word, date, amount or document number is eaten. `npm run
 * eval:redact` prints the same figures.
 */
describe('the redactor on the redaction corpus', () => {
  const dictionary = corpusDictionary();
  const score = scoreCorpus((t) => redactionSpans(t, [], dictionary), (t) => redact(t, [], dictionary));

  it('has at least 200 texts, with personal data of every kind', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(200);
    const kinds = new Set(CORPUS.flatMap((c) => c.gold.map((g) => g.kind)));
    expect([...kinds].sort()).toEqual(['name', 'number', 'surname']);
    expect(score.goldSpans).toBeGreaterThanOrEqual(100);
  });

  it('removes every span of personal data (recall 100 %)', () => {
    expect(score.leaked).toEqual([]);
    expect(score.recall).toBe(1);
  });

  it('garbles no ordinary word', () => {
    expect(score.garbled).toEqual([]);
  });

  it('publishes every text exactly as expected', () => {
    expect(score.mismatches).toEqual([]);
  });

  it('does not depend on the dictionary for what the text announces, and needs it for bare names', () => {
    // Without the dictionary, cadres named with no title or introducer would leak: the dictionary is what catches them.
    const bare = scoreCorpus((t) => redactionSpans(t), (t) => redact(t));
    expect(bare.leaked.length).toBeGreaterThan(0);
    expect(bare.leaked.every((l) => l.kind === 'name')).toBe(true);
  });
});
