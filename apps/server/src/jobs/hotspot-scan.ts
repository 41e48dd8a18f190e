import { randomUUID } from 'node:crypto';
import { hotTopics } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../clock.js';
import type { DB } from '../db/schema.js';
import type { Notifier } from '../modules/notifications/notifier.js';
import { orgQueries } from '../modules/org/org.repository.js';
import { tokenize } from '../modules/suggest/tokenize.js';
import { hotspotQueries } from './hotspot-scan.queries.js';

/** What the scan works with. */
export interface HotspotDeps {
  db: Kysely<DB>;
  notifier: Notifier;
  clock: Clock;
}

/** Setting (JSON) that tunes the scan; any field left out keeps its default. */
export const HOTSPOT_SETTING = 'hotspots';

export interface HotspotSettings {
  /** Days looked back from now. */
  windowDays: number;
  /** Cases of one topic (a place and a matter, `hotTopics`) that make a hotspot. */
  minCases: number;
  /**
   * Word cosine (TF-IDF of jieba words over the window) at or above which two texts share a
   * matter: one piece of the topic's evidence (`hotTopics`' `wordCosine`).
   */
  similarity: number;
  /** Cases of one requester in the window that make a repeat-requester alert. */
  repeatCases: number;
}

export const DEFAULT_HOTSPOT_SETTINGS: HotspotSettings = { windowDays: 7, minCases: 5, similarity: 0.2, repeatCases: 3 };

/** What one scan did. */
export interface HotspotScanResult {
  /** Cases received within the window. */
  scanned: number;
  /** New alerts by kind. */
  hotspot: number;
  repeatRequester: number;
  riskWords: number;
  /** Existing open alerts that gained cases. */
  grown: number;
}

interface ScanCase {
  id: string;
  code: string;
  title: string;
  content: string;
  areaCode: string;
  requesterKey: string | null;
  flagRisk: number;
  riskWords: string | null;
  categoryCode: string;
  receivedAt: string;
  registeredAt: string;
}

/** The village (or the area itself above village level) a case rolls up to: grids roll up. */
export const villageOf = (areaCode: string) => areaCode.slice(0, 12);

/** The deepest area code (by the 2/4/6/9/12-digit levels) holding every code given. */
export function commonArea(codes: readonly string[]): string {
  for (const len of [12, 9, 6, 4, 2]) {
    const prefix = codes[0].slice(0, len);
    if (codes.every((c) => c.slice(0, len) === prefix)) return prefix.padEnd(12, '0');
  }
  return '000000000000';
}

async function readSettings(db: Kysely<DB>): Promise<HotspotSettings> {
  const value = await hotspotQueries.setting(db, HOTSPOT_SETTING);
  const settings = { ...DEFAULT_HOTSPOT_SETTINGS };
  if (value === undefined) return settings;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return settings; // a broken setting must not stop the warnings
  }
  if (parsed && typeof parsed === 'object') {
    const p = parsed as Record<string, unknown>;
    const num = (v: unknown, ok: (n: number) => boolean) => typeof v === 'number' && Number.isFinite(v) && ok(v);
    if (num(p.windowDays, (n) => n > 0 && n <= 366)) settings.windowDays = p.windowDays as number;
    if (num(p.minCases, (n) => Number.isInteger(n) && n >= 2)) settings.minCases = p.minCases as number;
    if (num(p.similarity, (n) => n > 0 && n <= 1)) settings.similarity = p.similarity as number;
    if (num(p.repeatCases, (n) => Number.isInteger(n) && n >= 2)) settings.repeatCases = p.repeatCases as number;
  }
  return settings;
}

/** Lets the event loop serve waiting requests (the scan is CPU work on thousands of cases). */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Adds `item` to the list under `key` (in place: copying the list each time is quadratic). */
function pushTo<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

interface Candidate {
  kind: 'hotspot' | 'repeat_requester' | 'risk_words';
  areaCode: string;
  title: string;
  summary: string;
  cases: ScanCase[];
  fingerprint: string;
  /** A hotspot's topic (JSON), stored on the alert. */
  topic?: string;
}

/**
 * The early-warning scan of SPEC §8 (群体性事件苗头): hot topics — cases about one place and one
 * matter however differently residents word them (`hotTopics`, packages/core/src/topics.ts) —
 * among the cases received within the window (the time the matter was received, not typed in),
 * repeat requesters and cases with extreme-risk words. Each new alert is
 * written with its notices to the leaders and supervisors over its area in one transaction.
 * An alert is never raised twice: its fingerprint is unique, and a cluster that overlaps an alert
 * of the same kind and area raised within the window grows that alert (while it is open or
 * acknowledged) instead of raising a new one. Proactive tasks made from alerts are not scanned.
 */
export async function runHotspotScan({ db, notifier, clock }: HotspotDeps, now: Date = clock.now()): Promise<HotspotScanResult> {
  const settings = await readSettings(db);
  const windowEnd = now.toISOString();
  const windowStart = new Date(now.getTime() - settings.windowDays * 86_400_000).toISOString();
  const rows: ScanCase[] = await hotspotQueries.casesInWindow(db, windowStart, windowEnd);
  const result: HotspotScanResult = { scanned: rows.length, hotspot: 0, repeatRequester: 0, riskWords: 0, grown: 0 };

  const areaName = async (code: string) => (await orgQueries.findArea(db, code))?.name ?? code;
  const candidates: Candidate[] = [];

  const topics = await hotTopics(
    rows.map((row) => ({ ...row, words: tokenize(`${row.title}\n${row.content}`) })),
    { minCases: settings.minCases, wordCosine: settings.similarity, pause: breathe },
  );
  for (const topic of topics) {
    const name = await areaName(topic.areaCode);
    const what = [topic.place, topic.matter.join('、')].filter(Boolean).join(' · ') || topic.cases[0]!.title;
    candidates.push({
      kind: 'hotspot',
      areaCode: topic.areaCode,
      title: `${name}：${what}`.slice(0, 200),
      summary: `${name}${settings.windowDays}天内受理${topic.cases.length}件诉求同指一事（${what}），可能形成群体性事件苗头。最早：${topic.cases[0]!.title}`.slice(0, 1000),
      cases: topic.cases,
      fingerprint: `hotspot:${topic.areaCode}:${topic.cases[0]!.id}`,
      topic: JSON.stringify({ place: topic.place, matter: topic.matter, categoryCode: topic.categoryCode }),
    });
  }

  const byRequester = new Map<string, ScanCase[]>();
  for (const row of rows) if (row.requesterKey) pushTo(byRequester, row.requesterKey, row);
  for (const [key, cases] of byRequester) {
    if (cases.length < settings.repeatCases) continue;
    const area = commonArea(cases.map((c) => villageOf(c.areaCode)));
    const name = await areaName(area);
    candidates.push({
      kind: 'repeat_requester',
      areaCode: area,
      title: `${name}：同一诉求人${settings.windowDays}天内反映${cases.length}件`,
      summary: `同一诉求人${settings.windowDays}天内反映${cases.length}件诉求（最近：${cases[cases.length - 1].title}），请关注是否存在未解决的问题或重复访`,
      cases,
      fingerprint: `repeat_requester:${key}:${cases[0].id}`,
    });
  }

  for (const c of rows) {
    if (!c.flagRisk) continue;
    const area = villageOf(c.areaCode);
    candidates.push({
      kind: 'risk_words',
      areaCode: area,
      title: `${await areaName(area)}：诉求件${c.code}含极端风险词`,
      summary: `诉求件${c.code}（${c.title}）含极端风险词：${c.riskWords ?? ''}`,
      cases: [c],
      fingerprint: `risk_words:${c.id}`,
    });
  }

  for (const candidate of candidates) {
    const outcome = await db.transaction().execute((trx) => raise(trx, candidate));
    if (outcome === 'grown') result.grown++;
    else if (outcome === 'created') {
      if (candidate.kind === 'hotspot') result.hotspot++;
      else if (candidate.kind === 'repeat_requester') result.repeatRequester++;
      else result.riskWords++;
    }
  }
  return result;

  async function raise(trx: Transaction<DB>, candidate: Candidate): Promise<'created' | 'grown' | 'none'> {
    const ids = candidate.cases.map((c) => c.id);
    const nowIso = now.toISOString();
    const existing = await hotspotQueries.similarAlerts(trx, candidate.kind, candidate.areaCode, windowStart, candidate.fingerprint);
    for (const alert of existing) {
      const known: string[] = JSON.parse(alert.caseIds);
      if (alert.fingerprint !== candidate.fingerprint && !ids.some((id) => known.includes(id))) continue;
      const added = ids.filter((id) => !known.includes(id));
      if (added.length === 0 || (alert.status !== 'open' && alert.status !== 'acknowledged')) return 'none';
      const all = [...known, ...added];
      await hotspotQueries.updateAlert(trx, alert.id, { caseIds: JSON.stringify(all), caseCount: all.length, windowEnd: nowIso, updatedAt: nowIso, summary: candidate.summary, ...(candidate.topic ? { topic: candidate.topic } : {}) });
      return 'grown';
    }
    const alertId = randomUUID();
    const inserted = await hotspotQueries.insertAlert(trx, {
      id: alertId,
      kind: candidate.kind,
      areaCode: candidate.areaCode,
      title: candidate.title,
      summary: candidate.summary,
      caseIds: JSON.stringify(ids),
      caseCount: ids.length,
      windowStart,
      windowEnd,
      status: 'open',
      statusNote: null,
      taskCaseId: null,
      createdAt: nowIso,
      updatedAt: nowIso,
      fingerprint: candidate.fingerprint,
      topic: candidate.topic ?? null,
    });
    if (!inserted) return 'none'; // a concurrent scan raised it first
    const recipients = await orgQueries.usersOverArea(trx, candidate.areaCode, ['leader', 'supervisor']);
    await notifier.notice(trx, recipients, 'notice.alert', { kind: candidate.kind, title: candidate.title, count: ids.length }, { target: { kind: 'alert', id: alertId } });
    return 'created';
  }
}
