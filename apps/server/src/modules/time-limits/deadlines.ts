import {
  type CalendarDay,
  computeDeadline,
  createWorkCalendar,
  type LimitStage,
  type LimitUnit,
  pickTimeLimit,
  type RuleSubject,
  type TimeLimitRule,
  type WorkCalendar,
} from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { timeLimitsRepository as repo } from './time-limits.repository.js';

/** A computed deadline with the rule that produced it. */
export interface Deadline {
  dueAt: string;
  rule: TimeLimitRule;
}

/**
 * Time limits as configured in the database (rule table, calendar, category tree), cached in
 * memory because every registration and transition needs them; admin changes call `invalidate`.
 */
export interface Deadlines {
  /** The deadline of `stage` for a case, counted from `start`; undefined when no rule applies. */
  deadline(stage: LimitStage, subject: Omit<RuleSubject, 'categoryPath'> & { categoryCode: string }, start: Date): Promise<Deadline | undefined>;
  /** The rule alone (e.g. the most an extension may add). */
  rule(stage: LimitStage, subject: Omit<RuleSubject, 'categoryPath'> & { categoryCode: string }): Promise<TimeLimitRule | undefined>;
  calendar(): Promise<WorkCalendar>;
  /** Codes from the root down to `code`. */
  categoryPath(code: string): Promise<string[]>;
  /** Drops the cache here and, through the cache bus, in every other server process (issue 19). */
  invalidate(): Promise<void>;
}

/** The part of the cache bus (cluster/cache-bus.ts) the deadlines use. */
export interface DeadlinesBus {
  publish(topic: 'deadlines'): Promise<void>;
  on(topic: 'deadlines', listener: () => void): void;
}

interface Loaded {
  rules: TimeLimitRule[];
  calendar: WorkCalendar;
  parents: Map<string, string | null>;
}

export function createDeadlines(db: Kysely<DB>, bus?: DeadlinesBus): Deadlines {
  let loaded: Promise<Loaded> | null = null;
  // Another process changed the rules, the calendar or the categories: load them again on next use.
  bus?.on('deadlines', () => {
    loaded = null;
  });

  async function load(): Promise<Loaded> {
    const { rules, days, categories } = await repo.reference(db);
    return {
      rules: rules.map((r) => ({ ...r, stage: r.stage as LimitStage, unit: r.unit as LimitUnit, note: r.note ?? undefined })),
      calendar: createWorkCalendar(days.map((d) => ({ date: d.date, kind: d.kind as CalendarDay['kind'], name: d.name }))),
      parents: new Map(categories.map((c) => [c.code, c.parentCode])),
    };
  }
  const get = () => (loaded ??= load().catch((error) => ((loaded = null), Promise.reject(error))));

  function pathOf(parents: Map<string, string | null>, code: string): string[] {
    const path: string[] = [];
    for (let at: string | null | undefined = code; at && path.length < 20; at = parents.get(at)) path.unshift(at);
    return path;
  }

  async function rule(stage: LimitStage, subject: Omit<RuleSubject, 'categoryPath'> & { categoryCode: string }) {
    const { rules, parents } = await get();
    return pickTimeLimit(rules, stage, { ...subject, categoryPath: pathOf(parents, subject.categoryCode) });
  }

  return {
    rule,
    async deadline(stage, subject, start) {
      const picked = await rule(stage, subject);
      if (!picked) return undefined;
      const { calendar } = await get();
      return { dueAt: computeDeadline(start, picked, calendar).toISOString(), rule: picked };
    },
    calendar: async () => (await get()).calendar,
    categoryPath: async (code) => pathOf((await get()).parents, code),
    invalidate: async () => {
      loaded = null;
      await bus?.publish('deadlines');
    },
  };
}
