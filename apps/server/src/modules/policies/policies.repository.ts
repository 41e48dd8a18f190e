import { type Kysely, SqliteAdapter, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { segment } from '../search-index/segment.js';

/** A row of `policies` (政策知识库): a policy document or a standard answer. */
export interface PolicyRow {
  id: string;
  kind: 'policy' | 'answer';
  title: string;
  body: string;
  source: string | null;
  categoryCode: string | null;
  publishedAt: string | null;
  isActive: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The tables of this module, typed here because only this module reads or writes them. */
export interface PolicyTables {
  policies: PolicyRow;
  policySearch: { docId: number | null; policyId: string; terms: string };
}
type PDB = DB & PolicyTables;
type Q = Kysely<DB> | Transaction<DB>;
const typed = (db: Q) => db as unknown as Kysely<PDB>;
const isSqlite = (db: Q) => db.getExecutor().adapter instanceof SqliteAdapter;

/** The words the index holds for a policy: title, source and body, segmented like cases. */
export const policyTerms = (p: Pick<PolicyRow, 'title' | 'body' | 'source'>) =>
  [p.title, p.source ?? '', p.body].flatMap((text) => segment(text)).join(' ');

export interface PolicyFilters {
  kind?: 'policy' | 'answer';
  categoryCode?: string;
  includeInactive?: boolean;
}

export const policiesRepository = {
  async insert(db: Q, row: PolicyRow): Promise<void> {
    await typed(db).insertInto('policies').values(row).execute();
  },

  async update(db: Q, id: string, patch: Partial<PolicyRow>): Promise<void> {
    await typed(db).updateTable('policies').set(patch).where('id', '=', id).execute();
  },

  async find(db: Q, id: string): Promise<PolicyRow | undefined> {
    return typed(db).selectFrom('policies').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async categoryExists(db: Q, code: string): Promise<boolean> {
    return !!(await db.selectFrom('categories').select('code').where('code', '=', code).executeTakeFirst());
  },

  /** Writes (or rewrites) the index entry of a policy; call it in the transaction of the change. */
  async index(db: Q, p: Pick<PolicyRow, 'id' | 'title' | 'body' | 'source'>): Promise<void> {
    const terms = policyTerms(p);
    const upsert = typed(db)
      .insertInto('policySearch')
      .values({ policyId: p.id, terms })
      .onConflict((oc) => oc.column('policyId').doUpdateSet({ terms }));
    if (!isSqlite(db)) {
      await upsert.execute();
      return;
    }
    const { docId } = await upsert.returning('docId').executeTakeFirstOrThrow();
    await sql`delete from policy_search_fts where rowid = ${docId}`.execute(db);
    await sql`insert into policy_search_fts (rowid, terms) values (${docId}, ${terms})`.execute(db);
  },

  /**
   * Policies matching every term (the last as a prefix), best first; or, without terms, the latest
   * changed first. Offset pages: the library is small and search is for finding.
   */
  async list(db: Kysely<DB>, terms: readonly string[], filters: PolicyFilters, page: { limit: number; offset: number }): Promise<Array<PolicyRow & { rank: number }>> {
    let query = typed(db).selectFrom('policies').selectAll('policies');
    if (terms.length) {
      const last = terms.length - 1;
      const hits = isSqlite(db)
        ? sql<{ policyId: string; rank: number }>`(select s.policy_id, -bm25(policy_search_fts) as rank from policy_search_fts join policy_search s on s.doc_id = policy_search_fts.rowid where policy_search_fts match ${terms
            .map((t, i) => `"${t}"${i === last ? '*' : ''}`)
            .join(' ')})`
        : sql<{ policyId: string; rank: number }>`(select s.policy_id, ts_rank(s.tsv, q) as rank from policy_search s, to_tsquery('simple', ${terms
            .map((t, i) => `${t}${i === last ? ':*' : ''}`)
            .join(' & ')}) q where s.tsv @@ q)`;
      query = query.innerJoin(hits.as('hit'), 'hit.policyId', 'policies.id').select('hit.rank').orderBy('hit.rank', 'desc');
    } else {
      query = query.select(sql<number>`0`.as('rank'));
    }
    if (filters.kind) query = query.where('policies.kind', '=', filters.kind);
    if (filters.categoryCode) query = query.where('policies.categoryCode', '=', filters.categoryCode);
    if (!filters.includeInactive) query = query.where('policies.isActive', '=', 1);
    const rows = await query.orderBy('policies.updatedAt', 'desc').orderBy('policies.id', 'desc').limit(page.limit).offset(page.offset).execute();
    return (rows as unknown as Array<PolicyRow & { rank: unknown }>).map((r) => ({ ...r, rank: Number(r.rank) }));
  },
};
