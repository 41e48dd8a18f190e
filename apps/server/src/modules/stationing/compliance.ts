import type { CadreCompliance, TownshipSummary, WeekResult } from '@lianxin/core';
import { dateOfDay, dayNumber, isoWeekOfDay, mondayOfDay } from '../field-work/weeks.js';

export type { CadreCompliance, WeekResult } from '@lianxin/core';

/** One assignment as the report needs it. */
export interface AssignmentForReport {
  id: string;
  cadreUserId: string;
  cadreName: string;
  villageCode: string;
  villageName: string;
  townshipCode: string;
  townshipName: string;
  startsOn: string;
  endsOn: string | null;
  minDaysPerWeek: number;
}

const rate = (ok: number, all: number) => (all ? Math.round((ok / all) * 1000) / 1000 : null);

/**
 * Judges one assignment over [from, to] against "at least N days a week in the village": a day
 * counts when the cadre recorded a visit or a check-in in the village (or one of its grids) that
 * China-time day. `today` caps the period, so the running week is shown but not judged. The unit
 * the cadre is stationed from is left null for the caller to fill.
 */
export function judgeAssignment(a: AssignmentForReport, presentDays: ReadonlySet<number>, from: string, to: string, today: string, awayDays: ReadonlySet<number> = new Set()): CadreCompliance {
  const start = dayNumber(a.startsOn > from ? a.startsOn : from);
  const periodEnd = dayNumber(a.endsOn && a.endsOn < to ? a.endsOn : to);
  const todayN = dayNumber(today);
  const end = Math.min(periodEnd, todayN);
  const lastJudged = Math.min(periodEnd, todayN - 1);
  const weeks: WeekResult[] = [];
  let daysPresent = 0;
  for (let monday = mondayOfDay(start); monday <= end; monday += 7) {
    const sunday = monday + 6;
    let days = 0;
    let away = 0; // — duty, leave —: days on approved leave are not counted against the cadre
    for (let d = Math.max(monday, start); d <= Math.min(sunday, end); d++) {
      if (presentDays.has(d)) days += 1;
      else if (awayDays.has(d)) away += 1;
    }
    daysPresent += days;
    const evaluated = monday >= start && sunday <= lastJudged;
    const required = Math.max(0, a.minDaysPerWeek - away);
    weeks.push({ week: isoWeekOfDay(monday), from: dateOfDay(monday), to: dateOfDay(sunday), daysPresent: days, evaluated, compliant: evaluated ? days >= required : null, ...(away ? { daysAway: away } : {}) });
  }
  const judged = weeks.filter((w) => w.evaluated);
  const ok = judged.filter((w) => w.compliant).length;
  return {
    assignmentId: a.id,
    cadre: { id: a.cadreUserId, name: a.cadreName, unit: null },
    village: { code: a.villageCode, name: a.villageName },
    township: { code: a.townshipCode, name: a.townshipName },
    startsOn: a.startsOn,
    endsOn: a.endsOn,
    minDaysPerWeek: a.minDaysPerWeek,
    daysPresent,
    weeksEvaluated: judged.length,
    weeksCompliant: ok,
    complianceRate: rate(ok, judged.length),
    flagged: ok < judged.length,
    weeks,
  };
}

/** The township lines of the report: assignments, cadres, judged weeks and who was flagged. */
export function summariseTownships(cadres: readonly CadreCompliance[]): TownshipSummary[] {
  const byTownship = new Map<string, CadreCompliance[]>();
  for (const c of cadres) byTownship.set(c.township.code, [...(byTownship.get(c.township.code) ?? []), c]);
  return [...byTownship].map(([code, list]) => {
    const evaluated = list.reduce((n, c) => n + c.weeksEvaluated, 0);
    const compliant = list.reduce((n, c) => n + c.weeksCompliant, 0);
    return {
      township: { code, name: list[0]!.township.name },
      assignments: list.length,
      cadres: new Set(list.map((c) => c.cadre.id)).size,
      weeksEvaluated: evaluated,
      weeksCompliant: compliant,
      complianceRate: rate(compliant, evaluated),
      flaggedCadres: [...new Set(list.filter((c) => c.flagged).map((c) => c.cadre.id))].length,
    };
  });
}
