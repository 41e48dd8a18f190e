import { describe, it, expect } from 'vitest';
import {
  DEFAULT_TIME_LIMIT_RULES,
  pickTimeLimit,
  type LimitStage,
  type RuleSubject,
  type TimeLimitRule,
} from './time-limit-rules.js';

const subject = (over: Partial<RuleSubject> = {}): RuleSubject => ({
  kind: 'complaint',
  categoryPath: ['urban', 'sanitation'],
  urgency: 'normal',
  channel: 'phone',
  ...over,
});

/** The limit the default table gives, as '15 natural_days'. */
const limitOf = (stage: LimitStage, over: Partial<RuleSubject> = {}) => {
  const rule = pickTimeLimit(DEFAULT_TIME_LIMIT_RULES, stage, subject(over));
  return rule && `${rule.amount} ${rule.unit}`;
};

describe('pickTimeLimit — matching and specificity', () => {
  const rules: TimeLimitRule[] = [
    { id: 'fallback', stage: 'handle', amount: 7, unit: 'natural_days' },
    { id: 'kind', stage: 'handle', kind: 'complaint', amount: 5, unit: 'natural_days' },
    { id: 'urgency', stage: 'handle', urgency: 'urgent', amount: 24, unit: 'hours' },
    { id: 'parent', stage: 'handle', categoryCode: 'urban', amount: 10, unit: 'natural_days' },
    { id: 'leaf', stage: 'handle', categoryCode: 'sanitation', amount: 3, unit: 'natural_days' },
    { id: 'kind+channel', stage: 'handle', kind: 'complaint', channel: 'online', amount: 2, unit: 'natural_days' },
    { id: 'other-stage', stage: 'accept', kind: 'complaint', channel: 'phone', amount: 1, unit: 'working_days' },
  ];
  const pick = (over: Partial<RuleSubject>) => pickTimeLimit(rules, 'handle', subject(over))?.id;

  it('falls back to the rule without conditions', () => {
    expect(pick({ kind: 'help', categoryPath: [] })).toBe('fallback');
  });

  it('ignores rules of other stages', () => {
    expect(pickTimeLimit(rules, 'evaluate', subject())).toBeUndefined();
    expect(pick({ kind: 'help', categoryPath: [] })).not.toBe('other-stage');
  });

  it('matches a category anywhere in the path, deeper beating its parent', () => {
    expect(pick({ kind: 'help', categoryPath: ['urban'] })).toBe('parent');
    expect(pick({ kind: 'help', categoryPath: ['urban', 'sanitation'] })).toBe('leaf');
    expect(pick({ kind: 'help', categoryPath: ['sanitation'] })).toBe('leaf');
  });

  it('lets two matching conditions beat one', () => {
    expect(pick({ channel: 'online' })).toBe('kind+channel');
  });

  it('breaks a tie by the earlier rule', () => {
    expect(pick({ categoryPath: [], urgency: 'urgent' })).toBe('kind');
    const reversed = [...rules].reverse();
    expect(pickTimeLimit(reversed, 'handle', subject({ categoryPath: [], urgency: 'urgent' }))?.id).toBe('urgency');
  });

  it('lets a category below the root outrank a kind or urgency rule by its depth bonus', () => {
    expect(pick({ kind: 'help', categoryPath: ['city', 'urban'], urgency: 'urgent' })).toBe('parent');
    // At the root the bonus is zero, so the tie goes to the earlier urgency rule.
    expect(pick({ kind: 'help', categoryPath: ['urban'], urgency: 'urgent' })).toBe('urgency');
  });

  it('treats null conditions like missing ones', () => {
    const withNulls: TimeLimitRule[] = [
      { id: 'nulls', stage: 'handle', kind: null, categoryCode: null, urgency: null, channel: null, amount: 1, unit: 'hours' },
    ];
    expect(pickTimeLimit(withNulls, 'handle', subject())?.id).toBe('nulls');
  });
});

describe('DEFAULT_TIME_LIMIT_RULES', () => {
  it('has a unique id and a Chinese note on every rule, and valid amounts', () => {
    const ids = DEFAULT_TIME_LIMIT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of DEFAULT_TIME_LIMIT_RULES) {
      expect(rule.note).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.amount).toBeGreaterThan(0);
    }
  });

  it('has a fallback for every stage', () => {
    const stages: LimitStage[] = ['intake', 'accept', 'handle', 'extension', 'evaluate', 'review_request', 'review', 'rereview_request', 'rereview'];
    for (const stage of stages) {
      expect(pickTimeLimit(DEFAULT_TIME_LIMIT_RULES, stage, subject({ kind: 'x', categoryPath: [], urgency: 'x', channel: 'x' }))).toBeDefined();
    }
  });

  it('intake: petition 15 days, online 2 hours, otherwise 1 working day', () => {
    expect(limitOf('intake', { kind: 'petition', channel: 'letter' })).toBe('15 natural_days');
    expect(limitOf('intake', { channel: 'online' })).toBe('2 hours');
    expect(limitOf('intake')).toBe('1 working_days');
    // Tie between kind and channel: the statutory petition rule is listed first.
    expect(limitOf('intake', { kind: 'petition', channel: 'online' })).toBe('15 natural_days');
  });

  it('accept: 1 working day', () => {
    expect(limitOf('accept')).toBe('1 working_days');
    expect(limitOf('accept', { kind: 'petition', urgency: 'critical' })).toBe('1 working_days');
  });

  it('handle: single-condition defaults', () => {
    expect(limitOf('handle', { kind: 'petition' })).toBe('60 natural_days');
    expect(limitOf('handle', { urgency: 'critical' })).toBe('2 hours');
    expect(limitOf('handle', { urgency: 'urgent' })).toBe('24 hours');
    expect(limitOf('handle', { categoryPath: ['utilities', 'water'] })).toBe('24 hours');
    expect(limitOf('handle', { categoryPath: ['land'] })).toBe('15 natural_days');
    expect(limitOf('handle', { categoryPath: ['labor', 'wages'] })).toBe('15 natural_days');
    expect(limitOf('handle')).toBe('7 natural_days');
  });

  it('handle: a petition keeps the statutory 60 days whatever its urgency or category', () => {
    expect(limitOf('handle', { kind: 'petition', urgency: 'critical' })).toBe('60 natural_days');
    expect(limitOf('handle', { kind: 'petition', urgency: 'urgent' })).toBe('60 natural_days');
    expect(limitOf('handle', { kind: 'petition', categoryPath: ['utilities'] })).toBe('60 natural_days');
    expect(limitOf('handle', { kind: 'petition', categoryPath: ['land'], urgency: 'critical' })).toBe('60 natural_days');
    expect(limitOf('handle', { kind: 'petition', categoryPath: ['rural', 'land', 'homestead'], urgency: 'critical' })).toBe(
      '60 natural_days',
    );
  });

  it('handle: urgency still shortens the limit inside the special categories', () => {
    expect(limitOf('handle', { categoryPath: ['utilities', 'heating'], urgency: 'critical' })).toBe('2 hours');
    expect(limitOf('handle', { categoryPath: ['rural', 'land'], urgency: 'critical' })).toBe('2 hours');
    expect(limitOf('handle', { categoryPath: ['land'], urgency: 'critical' })).toBe('2 hours');
    expect(limitOf('handle', { categoryPath: ['labor'], urgency: 'critical' })).toBe('2 hours');
    expect(limitOf('handle', { categoryPath: ['land'], urgency: 'urgent' })).toBe('24 hours');
    expect(limitOf('handle', { categoryPath: ['labor'], urgency: 'urgent' })).toBe('24 hours');
    expect(limitOf('handle', { categoryPath: ['utilities'], urgency: 'urgent' })).toBe('24 hours');
  });

  it('extension: petition 30 days, otherwise 7', () => {
    expect(limitOf('extension', { kind: 'petition' })).toBe('30 natural_days');
    expect(limitOf('extension')).toBe('7 natural_days');
  });

  it('evaluate, review and re-review: fixed windows', () => {
    expect(limitOf('evaluate')).toBe('7 natural_days');
    for (const stage of ['review_request', 'review', 'rereview_request', 'rereview'] as const) {
      expect(limitOf(stage, { kind: 'petition' })).toBe('30 natural_days');
    }
  });
});
