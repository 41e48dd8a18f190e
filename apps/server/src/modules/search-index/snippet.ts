import type { CaseRow } from '../../db/schema.js';

const WINDOW = 80;
const BEFORE = 20;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A short excerpt of the case around the query's words, each wrapped in 【】. Built from the
 * stored text (not from the index, which holds only words), so it reads the same on both
 * databases. The field with the most distinct matched words wins; content first on a tie.
 */
export function buildSnippet(c: Pick<CaseRow, 'title' | 'content' | 'address' | 'replyText'>, terms: readonly string[]): string {
  if (terms.length === 0) return c.content.slice(0, WINDOW);
  // Longest first, so 低保户 is marked whole rather than as 低保 + 户.
  const pattern = new RegExp([...terms].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'giu');
  const fields = [c.content, c.replyText ?? '', c.title, c.address ?? ''];
  let best = fields[0]!;
  let bestCount = -1;
  for (const text of fields) {
    const found = new Set((text.match(pattern) ?? []).map((m) => m.toLowerCase())).size;
    if (found > bestCount) [best, bestCount] = [text, found];
  }
  const first = best.search(pattern);
  const start = first > BEFORE ? first - BEFORE : 0;
  const excerpt = best.slice(start, start + WINDOW);
  return `${start > 0 ? '…' : ''}${excerpt.replace(pattern, (m) => `【${m}】`)}${start + WINDOW < best.length ? '…' : ''}`;
}
