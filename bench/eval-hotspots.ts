import { hotTopics, textSimilarity, type TopicCase } from '../packages/core/src/index.js';
import { tokenize } from '../apps/server/src/modules/suggest/tokenize.js';
import { HOTSPOT_HELD_OUT, HOTSPOT_SET, type HotspotCase } from './hotspot-set.js';

/**
 * npm run eval:hotspots [-- --verbose] — the hot-topic rule of early warning on the written sets
 * `bench/hotspot-set.ts` (the development set and a held-out one), replayed as it happens: cases are typed in one by one (in the order they
 * were typed), and after each one the scan runs over the cases received in the last 7 days.
 * Reports, for the topic rule (hotTopics) and for the old rule (character similarity ≥ 0.3 in one
 * village, by time typed in):
 * - clusters alerted by their 5th case (an alert whose cases are mostly that cluster's exists
 *   right after the cluster's 5th case is typed in), and alerted at all;
 * - false alerts: alerts whose cases are mostly a distractor's, and a cluster's second alert;
 * - strays: cases of other matters inside a cluster's alert (the largest count seen).
 */
const verbose = process.argv.includes('--verbose');
const WINDOW_DAYS = 7;
const MIN_CASES = 5;
const START = Date.parse('2026-11-02T00:00:00Z');
const at = (day: number) => new Date(START + day * 86_400_000).toISOString();

interface Case extends TopicCase {
  topic: string;
  typed: number;
  received: number;
}
async function evaluate(setName: string, set: readonly HotspotCase[]) {
const cases: Case[] = set.map((c, i) => ({
  id: `h${String(i).padStart(3, '0')}`,
  title: c.title,
  content: c.content,
  areaCode: c.village,
  categoryCode: c.category,
  receivedAt: at(c.day),
  words: tokenize(`${c.title}\n${c.content}`),
  topic: c.topic,
  typed: c.typedDay ?? c.day + 0.1,
  received: c.day,
}));
const clusters = [...new Set(cases.filter((c) => c.topic.match(/^[ch]-/)).map((c) => c.topic))];
const sizes = new Map<string, number>();
for (const c of cases) sizes.set(c.topic, (sizes.get(c.topic) ?? 0) + 1);

/** The old rule: single-link clusters of character similarity ≥ 0.3 in one village, window by time typed in. */
function oldRule(window: readonly Case[]): Case[][] {
  const parent = window.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let i = 0; i < window.length; i++)
    for (let j = i + 1; j < window.length; j++)
      if (window[i]!.areaCode === window[j]!.areaCode && textSimilarity(`${window[i]!.title} ${window[i]!.content}`, `${window[j]!.title} ${window[j]!.content}`) >= 0.3) parent[find(j)] = find(i);
  const groups = new Map<number, Case[]>();
  window.forEach((c, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), c]));
  return [...groups.values()].filter((g) => g.length >= MIN_CASES);
}

async function replay(name: string, scan: (typedSoFar: Case[], now: number) => Case[][] | Promise<Case[][]>) {
  const order = [...cases].sort((a, b) => a.typed - b.typed || a.id.localeCompare(b.id));
  const alertedBy5th = new Set<string>();
  const alertedEver = new Set<string>();
  const falseAlerts = new Set<string>();
  const strays = new Map<string, number>();
  let split = 0;
  const typedSoFar: Case[] = [];
  const fifth = new Map<string, string>(); // cluster → id of its 5th case typed in
  const seen = new Map<string, number>();
  for (const c of order) {
    seen.set(c.topic, (seen.get(c.topic) ?? 0) + 1);
    if (seen.get(c.topic) === MIN_CASES) fifth.set(c.topic, c.id);
  }
  for (const c of order) {
    typedSoFar.push(c);
    const groups = await scan(typedSoFar, c.typed);
    const byTopic = new Map<string, number>();
    for (const g of groups) {
      const counts = new Map<string, number>();
      for (const x of g) counts.set(x.topic, (counts.get(x.topic) ?? 0) + 1);
      const [major, n] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
      byTopic.set(major, (byTopic.get(major) ?? 0) + 1);
      if (major.match(/^[ch]-/)) {
        alertedEver.add(major);
        strays.set(major, Math.max(strays.get(major) ?? 0, g.length - n));
      } else falseAlerts.add(major);
      if (verbose && c === order[order.length - 1]) console.log(name, major, g.length, g.map((x) => x.topic.slice(0, 12)).join(' '));
    }
    for (const [topic, n] of byTopic) if (topic.match(/^[ch]-/) && n > 1) split = Math.max(split, n - 1);
    for (const [topic, id] of fifth) if (id === c.id && byTopic.has(topic)) alertedBy5th.add(topic);
  }
  const missed = clusters.filter((t) => !alertedBy5th.has(t));
  return {
    rule: name,
    clusters: clusters.length,
    alertedBy5thCase: alertedBy5th.size,
    alertedAtAll: alertedEver.size,
    falseAlerts: falseAlerts.size + split,
    falseAlertTopics: [...falseAlerts],
    strayCases: [...strays.values()].reduce((a, b) => a + b, 0),
    notBy5th: missed,
  };
}

const topicRule = await replay('topics (place + matter, by time received)', async (typed, now) => (await hotTopics(typed.filter((c) => c.received >= now - WINDOW_DAYS && c.received <= now), { minCases: MIN_CASES })).map((t) => t.cases));
const old = await replay('old (character similarity ≥ 0.3, by time typed)', (typed, now) => oldRule(typed.filter((c) => c.typed >= now - WINDOW_DAYS)));

console.log(`${setName}: ${cases.length} cases, ${clusters.length} clusters of ${Math.min(...clusters.map((t) => sizes.get(t)!))}–${Math.max(...clusters.map((t) => sizes.get(t)!))} cases, ${sizes.size - clusters.length} distractor matters`);
for (const r of [topicRule, old]) console.log(JSON.stringify(r));
}

await evaluate('hot-topic set (the rule was developed on it)', HOTSPOT_SET);
await evaluate('held-out set (written after the rule was settled)', HOTSPOT_HELD_OUT);
