import { describe, expect, it } from 'vitest';
import { classifierFromJSON, trainClassifier } from './text-classifier.js';

// Hand-segmented made-up requests: water supply versus school enrolment versus wages.
const DOCS = [
  { tokens: ['小区', '停水', '三天', '自来水', '水压'], label: 'water' },
  { tokens: ['自来水', '发黄', '水管', '破裂', '小区'], label: 'water' },
  { tokens: ['停水', '通知', '水管', '维修'], label: 'water' },
  { tokens: ['孩子', '入学', '学区', '学校', '报名'], label: 'school' },
  { tokens: ['学校', '招生', '户口', '入学'], label: 'school' },
  { tokens: ['工地', '拖欠', '工资', '农民工'], label: 'wages' },
];

describe('trainClassifier', () => {
  const model = trainClassifier(DOCS);

  it('ranks the label whose words the text shares first, with the words that drove it', () => {
    const [best, ...rest] = model.predict(['小区', '停水', '水管'], 3);
    expect(best!.label).toBe('water');
    expect(best!.terms).toEqual(expect.arrayContaining(['停水', '水管']));
    expect(rest.map((p) => p.label).sort()).toEqual(['school', 'wages']);
    expect(model.predict(['孩子', '入学'])[0]!.label).toBe('school');
    expect(model.predict(['拖欠', '工资'])[0]!.label).toBe('wages');
  });

  it('gives confidences that are a normalised posterior, in descending order', () => {
    const all = model.predict(['学校', '报名'], 3);
    expect(all.reduce((s, p) => s + p.confidence, 0)).toBeCloseTo(1, 10);
    expect(all[0]!.confidence).toBeGreaterThan(all[1]!.confidence);
    expect(all[1]!.confidence).toBeGreaterThanOrEqual(all[2]!.confidence);
  });

  it('falls back to the priors for unknown words and lists no driving terms', () => {
    const [best] = model.predict(['火星', '陨石'], 1);
    expect(best!.label).toBe('water'); // three of six documents
    expect(best!.terms).toEqual([]);
    expect(best!.confidence).toBeCloseTo(3 / 6, 10);
  });

  it('returns at most k labels and nothing when it knows no label', () => {
    expect(model.predict(['停水'], 1)).toHaveLength(1);
    expect(model.predict(['停水'], 10)).toHaveLength(3);
    expect(trainClassifier([]).predict(['停水'])).toEqual([]);
  });

  it('counts a word once per document in binary mode, which changes the evidence', () => {
    const docs = [
      { tokens: ['噪音', '噪音', '噪音', '噪音'], label: 'noise' },
      { tokens: ['噪音', '工地', '夜间'], label: 'building' },
      { tokens: ['工地', '夜间', '施工'], label: 'building' },
    ];
    const counted = trainClassifier(docs).predict(['噪音'], 2);
    const binary = trainClassifier(docs, { binary: true }).predict(['噪音'], 2);
    expect(counted[0]!.label).toBe('noise');
    expect(binary[0]!.confidence).not.toBeCloseTo(counted[0]!.confidence, 3);
  });

  it('survives a JSON round trip with identical predictions', () => {
    const restored = classifierFromJSON(JSON.parse(JSON.stringify(model)));
    expect(restored.trainedOn).toBe(6);
    expect(restored.predict(['学校', '停水', '工资'], 3)).toEqual(model.predict(['学校', '停水', '工资'], 3));
    expect(() => classifierFromJSON({ ...model.toJSON(), labels: ['x'] })).toThrow();
  });
});
