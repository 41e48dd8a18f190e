import { describe, expect, it } from 'vitest';
import { charNgramFeatures, expectedCalibrationError, fitTemperature, trainLinearClassifier } from './linear-classifier.js';

/** Small, repeatable topic texts: each topic has its own words, mixed with shared filler. */
function corpus(n: number, seed = 1) {
  let a = seed;
  const random = () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648);
  const topics: Record<string, string[]> = {
    water: ['停水', '自来水', '水压', '水管', '水表'],
    wages: ['工资', '拖欠', '老板', '工地', '欠薪'],
    school: ['学校', '入学', '学位', '老师', '招生'],
  };
  const filler = ['小区', '请求', '处理', '尽快', '居民', '反映', '问题', '我们'];
  const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  return Array.from({ length: n }, (_, i) => {
    const label = Object.keys(topics)[i % 3]!;
    const words = Array.from({ length: 8 }, () => (random() < 0.45 ? pick(topics[label]!) : pick(filler)));
    return { label, text: words.join('') };
  });
}

describe('linear classifier', () => {
  const train = corpus(300).map((d) => ({ features: charNgramFeatures(d.text), label: d.label }));
  const model = trainLinearClassifier(train);

  it('learns topics and ranks every label, probabilities summing to 1', () => {
    const test = corpus(90, 7);
    const right = test.filter((d) => model.predict(charNgramFeatures(d.text), 1)[0]!.label === d.label).length;
    expect(right / test.length).toBeGreaterThan(0.9);
    const all = model.predict(charNgramFeatures('小区停水了水压低'), 3);
    expect(all.map((p) => p.label)[0]).toBe('water');
    expect(all.reduce((s, p) => s + p.confidence, 0)).toBeCloseTo(1, 6);
  });

  it('explains itself with the n-grams that drove it, longest first', () => {
    const [top] = model.predict(charNgramFeatures('工地老板拖欠工资'), 1);
    expect(top!.label).toBe('wages');
    expect(top!.terms.length).toBeGreaterThan(0);
    expect(top!.terms.some((t) => ['工资', '拖欠', '欠薪', '老板', '工地'].some((w) => t.includes(w) || w.includes(t)))).toBe(true);
    expect(Array.from(top!.terms[0]!).length).toBeGreaterThanOrEqual(2);
  });

  it('is unsure of a text with nothing of any topic', () => {
    const [top] = model.predict(charNgramFeatures('小区居民反映'), 1);
    expect(top!.confidence).toBeLessThan(0.8);
  });

  it('is deterministic: the same cases give the same model', () => {
    const again = trainLinearClassifier(train);
    expect(again.predict(charNgramFeatures('学校招生'), 3)).toEqual(model.predict(charNgramFeatures('学校招生'), 3));
    expect(again.temperature).toBe(model.temperature);
  });

  it('handles no cases and one label', () => {
    expect(trainLinearClassifier([]).predict(['c:水'])).toEqual([]);
    const one = trainLinearClassifier([{ features: ['c:水'], label: 'a' }]);
    expect(one.predict(['c:水'])).toMatchObject([{ label: 'a', confidence: 1 }]);
  });

  it('character n-grams stay within runs of text and are prefixed', () => {
    expect(charNgramFeatures('停水，好')).toEqual(['c:停', 'c:停水', 'c:水', 'c:好']);
  });
});

describe('calibration', () => {
  it('fits a temperature > 1 to over-confident logits and < 1 to timid ones', () => {
    // Logits say 99% for class 0, but class 0 is right only 70% of the time.
    const logits = Array.from({ length: 100 }, () => Float64Array.from([5, 0]));
    const ys = Array.from({ length: 100 }, (_, i) => (i < 70 ? 0 : 1));
    const t = fitTemperature(logits, ys);
    expect(t).toBeGreaterThan(1);
    expect(1 / (1 + Math.exp(-5 / t))).toBeCloseTo(0.7, 2);
    const timid = Array.from({ length: 100 }, () => Float64Array.from([0.1, 0]));
    expect(fitTemperature(timid, Array.from({ length: 100 }, (_, i) => (i < 95 ? 0 : 1)))).toBeLessThan(1);
  });

  it('measures the expected calibration error', () => {
    expect(expectedCalibrationError([0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9], [true, true, true, true, true, true, true, true, true, false])).toBeCloseTo(0, 6);
    expect(expectedCalibrationError([1, 1], [false, false])).toBeCloseTo(1, 6);
    expect(expectedCalibrationError([], [])).toBe(0);
  });

  it('keeps the model\'s confidences honest on held-out texts (ECE below 0.15)', () => {
    const model = trainLinearClassifier(corpus(600, 3).map((d) => ({ features: charNgramFeatures(d.text), label: d.label })));
    const test = corpus(300, 11);
    const preds = test.map((d) => model.predict(charNgramFeatures(d.text), 1)[0]!);
    expect(expectedCalibrationError(preds.map((p) => p.confidence), preds.map((p, i) => p.label === test[i]!.label))).toBeLessThan(0.15);
  });
});
