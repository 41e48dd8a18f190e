import type SQLite from 'better-sqlite3';
import { segment } from '../apps/server/src/modules/search-index/segment.js';

/**
 * Bulk-fills the search index (case_search and its FTS5 table case_search_text, words and area) of a SQLite benchmark database for
 * every case that has no entry yet — the rows `generateCases` writes straight into `cases`. The
 * words are those of `caseTerms` (search.repository.ts): title, content, address and reply,
 * segmented by search/segment.ts. The generator's texts are a few templates followed by a number,
 * so each distinct template is segmented once and the trailing number appended; a sample is
 * checked against full segmentation, and any text that does not fit the pattern is segmented whole.
 */
export function fillCaseSearch(sqlite: SQLite.Database, batchSize = 20_000): { count: number; seconds: number } {
  const started = performance.now();
  const cache = new Map<string, string[]>();
  const cached = (text: string) => {
    let words = cache.get(text);
    if (!words) cache.set(text, (words = segment(text)));
    return words;
  };
  // "…编号123": the template before the number is cached; the number is a word of its own.
  const TAIL = /^(.*\D)(\d+)$/su;
  const words = (text: string | null): string[] => {
    if (!text) return [];
    const m = TAIL.exec(text);
    return m ? [...cached(m[1]!), m[2]!] : cached(text);
  };
  let checked = 0;
  const termsOf = (row: Row) => {
    const terms = [row.title, row.content, row.address, row.reply_text].flatMap(words).join(' ');
    if (checked < 50) {
      checked++;
      const full = [row.title, row.content, row.address ?? '', row.reply_text ?? ''].flatMap((t) => segment(t)).join(' ');
      if (full !== terms) throw new Error(`cached segmentation differs for case ${row.id}: ${terms} ≠ ${full}`);
    }
    return terms;
  };

  interface Row { rowid: number; id: string; title: string; content: string; address: string | null; reply_text: string | null }
  const select = sqlite.prepare(`SELECT c.rowid, c.id, c.title, c.content, c.address, c.reply_text FROM cases c
    WHERE c.rowid > ? AND NOT EXISTS (SELECT 1 FROM case_search s WHERE s.case_id = c.id) ORDER BY c.rowid LIMIT ?`);
  const insert = sqlite.prepare('INSERT INTO case_search (case_id, terms) VALUES (?, ?)');
  // The area words as the migration 2026112111_search_speed writes them (fts.ts areaTerms).
  const toFts = sqlite.prepare(`INSERT INTO case_search_text (rowid, terms, area) SELECT s.doc_id, s.terms, substr(c.area_code, 1, 2) || ' ' || substr(c.area_code, 1, 4)
    || ' ' || substr(c.area_code, 1, 6) || ' ' || substr(c.area_code, 1, 9) || ' ' || substr(c.area_code, 1, 12) || CASE WHEN length(c.area_code) > 12 THEN ' ' || c.area_code ELSE '' END
    FROM case_search s JOIN cases c ON c.id = s.case_id WHERE s.doc_id > ?`);
  const maxDoc = sqlite.prepare('SELECT coalesce(max(doc_id), 0) AS n FROM case_search');
  const write = sqlite.transaction((rows: Row[]) => {
    const before = (maxDoc.get() as { n: number }).n;
    for (const row of rows) insert.run(row.id, termsOf(row));
    toFts.run(before);
  });
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = select.all(after, batchSize) as Row[];
    if (rows.length === 0) break;
    write(rows);
    count += rows.length;
    after = rows[rows.length - 1]!.rowid;
  }
  return { count, seconds: (performance.now() - started) / 1000 };
}
