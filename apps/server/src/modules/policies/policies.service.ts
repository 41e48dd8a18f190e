import { randomUUID } from 'node:crypto';
import type { Locale, PolicyCreate, PolicyListQuery, PolicyUpdate } from '@lianxin/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { decodeOffsetCursor, encodeOffsetCursor } from '../../http/offset-cursor.js';
import { AppError, notFound, unknownReference } from '../../errors.js';
import { assertCan, can } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { AuditLog } from '../audit/audit.service.js';
import { buildSnippet } from '../search-index/snippet.js';
import { queryTerms } from '../search-index/segment.js';
import { presentPolicy } from './policies.presenter.js';
import { type PolicyRow, policiesRepository as repo } from './policies.repository.js';

const MAX_OFFSET = 1000;
/** The most of a policy's text a quotation carries: a reply holds 5000 characters, and needs room for its own words. */
export const QUOTE_MAX_CHARS = 3000;

/**
 * A ready-to-paste quotation of a policy for a reply, in the caller's language: the whole text
 * when it fits; otherwise whole sentences up to the limit and a note saying it is an excerpt and
 * where the rest is — never a phrase cut off in the middle without a word.
 */
export function quoteText(p: Pick<PolicyRow, 'title' | 'body' | 'source'>, locale: Locale): { text: string; excerpt: boolean } {
  const body = p.body.trim();
  const chars = [...body];
  let passage = body;
  const excerpt = chars.length > QUOTE_MAX_CHARS;
  if (excerpt) {
    const head = chars.slice(0, QUOTE_MAX_CHARS).join('');
    const end = Math.max(...['。', '！', '？', '；', '\n', '. '].map((mark) => head.lastIndexOf(mark)));
    passage = end > QUOTE_MAX_CHARS / 2 ? head.slice(0, end + 1).trimEnd() : head;
  }
  const en = locale === 'en-US';
  const lead = en ? `According to "${p.title}"${p.source ? ` (${p.source})` : ''}: ` : `根据《${p.title}》${p.source ? `（${p.source}）` : ''}：`;
  const note = excerpt ? (en ? ` (excerpt; see the full text of "${p.title}")` : `（节选，全文见《${p.title}》）`) : '';
  return { text: `${lead}${passage}${note}`, excerpt };
}

/** The policy and answer library (政策知识库, SPEC §8): read by all staff, written by admins. */
export function createPoliciesService({ db, audit, clock }: { db: Kysely<DB>; audit: AuditLog; clock: Clock }) {
  async function checkCategory(trx: Kysely<DB>, code: string | null | undefined) {
    if (code && !(await repo.categoryExists(trx, code))) throw unknownReference('categoryCode', 'category');
  }

  /** Any staff member reads the library. */
  async function find(_actor: Actor, id: string): Promise<PolicyRow> {
    const row = await repo.find(db, id);
    if (!row) throw notFound();
    return row;
  }

  return {
    /** Latest first, or with `q` the best matches first, each with a 【】-highlighted snippet. */
    async list(actor: Actor, query: PolicyListQuery) {
      const terms = query.q === undefined ? [] : queryTerms(query.q);
      if (query.q !== undefined && terms.length === 0) throw new AppError(400, 'error.validation', {}, 'q');
      const offset = query.cursor ? decodeOffsetCursor(query.cursor, MAX_OFFSET) : 0;
      // Withdrawn entries are shown only to those who manage the library.
      const filters = { kind: query.kind, categoryCode: query.categoryCode, includeInactive: !!query.includeInactive && can(actor, 'config.manage') };
      const rows = await repo.list(db, terms, filters, { limit: query.limit + 1, offset });
      const next = offset + query.limit;
      return {
        items: rows.slice(0, query.limit).map((row) => ({
          ...presentPolicy(row),
          snippet: terms.length ? buildSnippet({ content: row.body, title: row.title, address: row.source, replyText: null }, terms) : null,
        })),
        nextCursor: rows.length > query.limit && next <= MAX_OFFSET ? encodeOffsetCursor(next) : null,
      };
    },

    async get(actor: Actor, id: string) {
      return presentPolicy(await find(actor, id));
    },

    async quote(actor: Actor, id: string, locale: Locale): Promise<{ text: string; excerpt: boolean }> {
      return quoteText(await find(actor, id), locale);
    },

    /** Adds a policy or standard answer; indexed and audited in the same transaction. */
    async create(actor: Actor, input: PolicyCreate) {
      assertCan(actor, 'config.manage');
      const created = await db.transaction().execute(async (trx) => {
        await checkCategory(trx, input.categoryCode);
        const now = clock.now().toISOString();
        const row: PolicyRow = {
          id: randomUUID(),
          kind: input.kind,
          title: input.title,
          body: input.body,
          source: input.source ?? null,
          categoryCode: input.categoryCode ?? null,
          publishedAt: input.publishedAt ?? null,
          isActive: 1,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        };
        await repo.insert(trx, row);
        await repo.index(trx, row);
        await audit.append({ actorUserId: actor.userId, action: 'create', subjectType: 'policy', subjectId: row.id, detail: { kind: row.kind, title: row.title } }, trx);
        return row;
      });
      return presentPolicy(created);
    },

    /** Edits, withdraws (isActive: false) or restores an entry; reindexed and audited with it. */
    async update(actor: Actor, id: string, input: PolicyUpdate) {
      assertCan(actor, 'config.manage');
      const updated = await db.transaction().execute(async (trx) => {
        const before = await repo.find(trx, id);
        if (!before) throw notFound();
        await checkCategory(trx, input.categoryCode);
        const { isActive, ...fields } = input;
        const patch: Partial<PolicyRow> = { updatedAt: clock.now().toISOString() };
        for (const [key, value] of Object.entries(fields)) if (value !== undefined) (patch as Record<string, unknown>)[key] = value;
        if (isActive !== undefined) patch.isActive = isActive ? 1 : 0;
        await repo.update(trx, id, patch);
        const after = { ...before, ...patch };
        if (input.title !== undefined || input.body !== undefined || input.source !== undefined) await repo.index(trx, after);
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'policy', subjectId: id, detail: { changed: Object.keys(input) } }, trx);
        return after;
      });
      return presentPolicy(updated);
    },
  };
}
export type PoliciesService = ReturnType<typeof createPoliciesService>;
