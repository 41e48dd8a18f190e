import { type HouseholdCreate, HouseholdCreateSchema, type HouseholdExportQuery, type Locale, maskIdNumber, maskPhone, type MessageKey, RELATIONSHIP_LABELS, renderMessage, translate } from '@lianxin/core';
import type { Kysely } from 'kysely';
import { rangesFor } from '../../access/access.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError } from '../../errors.js';
import { issueMessage } from '../../http/request.js';
import type { Cipher } from '../../security/cipher.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Actor } from '../../access/actor.js';
import { buildExport, buildTemplate, COLUMN_HEADER, type ExportRow, type ImportColumnKey, parseMemberCell, readLedger } from './households.excel.js';
import { tagList } from './households.presenter.js';
import { householdsRepository as repo } from './households.repository.js';
import { type HouseholdsService, mayReveal, namesFor } from './households.service.js';

export const MAX_IMPORT_ROWS = 5000;
export const MAX_EXPORT_ROWS = 50_000;

/** One refused row of an import: the sheet row, the column and why, in the caller's language. */
export interface ImportRowError {
  row: number;
  column: string;
  field: string;
  message: string;
}

/** The column an API field path points at (members.0 is the head, written in its own columns). */
function columnOf(path: string, headIsFirst: boolean): ImportColumnKey {
  const [first, index, leaf] = path.split('.');
  if (first === 'members') {
    if (headIsFirst && index === '0') return leaf === 'phone' ? 'headPhone' : leaf === 'idNumber' ? 'headIdNumber' : 'headName';
    return 'members';
  }
  if (first === 'contactUserId') return 'contact';
  return (first in COLUMN_HEADER ? first : 'members') as ImportColumnKey;
}

/** Excel import and export of the registry (台账). */
export function createHouseholdLedger({ db, cipher, audit, clock, households }: { db: Kysely<DB>; cipher: Cipher; audit: AuditLog; clock: Clock; households: HouseholdsService }) {
  return {
    /** The import template, listing the active tags; for those who may register households. */
    async template(actor: Actor): Promise<{ data: Buffer; fileName: string }> {
      rangesFor(actor, 'household.edit');
      return { data: await buildTemplate(await repo.tags(db, { activeOnly: true })), fileName: '民情档案导入模板.xlsx' };
    },

    /**
     * Imports the first sheet: each row is checked like POST /api/households and written in its
     * own transaction, so a row is imported whole or not at all; bad rows are reported, good ones kept.
     */
    async importLedger(actor: Actor, data: Buffer, locale: Locale) {
      rangesFor(actor, 'household.edit');
      const ledger = await readLedger(data).catch(() => {
        throw new AppError(400, 'import.not_xlsx', {}, 'file');
      });
      if (ledger.missing.length) throw new AppError(400, 'import.missing_columns', { columns: ledger.missing.join('、') }, 'file');
      if (ledger.rows.length > MAX_IMPORT_ROWS) throw new AppError(400, 'import.too_many_rows', { max: MAX_IMPORT_ROWS }, 'file');

      const tags = await repo.tags(db, { activeOnly: true });
      const tagByName = new Map(tags.flatMap((t) => [[t.nameZh, t.code], [t.code, t.code], [t.nameEn.toLowerCase(), t.code]]));
      const usernames = [...new Set(ledger.rows.map((r) => r.cells.contact).filter((u): u is string => !!u))];
      const userIds = new Map((await repo.usersByUsername(db, usernames)).map((u) => [u.username, u.id]));
      const seenIds = new Map<string, number>();

      const errors: ImportRowError[] = [];
      const ids: string[] = [];
      for (const { rowNumber, cells } of ledger.rows) {
        const fail = (column: ImportColumnKey, message: string) => errors.push({ row: rowNumber, column: COLUMN_HEADER[column], field: column, message });
        const rowErrors = errors.length;
        const number = (key: 'lat' | 'lng') => {
          if (cells[key] === undefined) return undefined;
          const value = Number(cells[key]);
          if (!Number.isFinite(value)) fail(key, translate(locale, 'import.not_number'));
          return value;
        };
        const tagCodes = (cells.tags ?? '').split(/[、,，;；\s]+/).filter(Boolean).map((name) => {
          const code = tagByName.get(name) ?? tagByName.get(name.toLowerCase());
          if (!code) fail('tags', translate(locale, 'import.unknown_tag', { value: name }));
          return code ?? '';
        });
        let contactUserId: string | undefined;
        if (cells.contact) {
          contactUserId = userIds.get(cells.contact);
          if (!contactUserId) fail('contact', translate(locale, 'import.unknown_cadre', { value: cells.contact }));
        }
        const others = (cells.members ?? '').split(/[;；\n]+/).map((s) => s.trim()).filter(Boolean).map((part, i) => {
          const m = parseMemberCell(part);
          if (!m?.relationship) fail('members', translate(locale, 'import.invalid_member', { index: i + 1, value: part }));
          return m;
        });
        const head = { name: cells.headName ?? '', relationship: 'head' as const, ...(cells.headIdNumber ? { idNumber: cells.headIdNumber } : {}), ...(cells.headPhone ? { phone: cells.headPhone } : {}) };
        const input = {
          areaCode: cells.areaCode ?? '',
          address: cells.address ?? '',
          headName: cells.headName ?? '',
          lat: number('lat'),
          lng: number('lng'),
          tags: [...new Set(tagCodes.filter(Boolean))],
          contactUserId,
          needs: cells.needs,
          notes: cells.notes,
          members: [head, ...others.filter((m) => m?.relationship).map((m) => ({ ...m, relationship: m!.relationship! }))],
        };
        const parsed = HouseholdCreateSchema.safeParse(input);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const path = issue.path.join('.');
            const column = columnOf(path, true);
            const empty = cells[column] === undefined && issue.code !== 'custom';
            fail(column, empty ? translate(locale, 'import.required') : issueMessage(issue, locale));
          }
        }
        // The same person twice in one file would pass the database check row by row.
        for (const m of input.members) {
          if (!m.idNumber) continue;
          const key = cipher.blindIndex(m.idNumber);
          const earlier = seenIds.get(key);
          if (earlier !== undefined) fail(m === head ? 'headIdNumber' : 'members', translate(locale, 'import.duplicate_in_file', { row: earlier }));
          else seenIds.set(key, rowNumber);
        }
        if (errors.length > rowErrors || !parsed.success) continue;
        try {
          ids.push(await db.transaction().execute((trx) => households.createIn(trx, actor, parsed.data as HouseholdCreate)));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          fail(columnOf(error.field ?? 'areaCode', true), renderMessage(locale, error.code as MessageKey, error.params));
        }
      }
      await audit.append({ actorUserId: actor.userId, action: 'import', subjectType: 'household', subjectId: null, detail: { rows: ledger.rows.length, imported: ids.length, failed: ledger.rows.length - ids.length } });
      const failedRows = new Set(errors.map((e) => e.row)).size;
      return { total: ledger.rows.length, imported: ids.length, failed: failedRows, ids, errors };
    },

    /**
     * The filtered registry as a workbook, masked unless `unmasked` is asked by someone allowed to
     * reveal — then each unmasked row is one the actor may reveal, and the export is audited.
     */
    async exportLedger(actor: Actor, query: HouseholdExportQuery): Promise<{ data: Buffer; fileName: string }> {
      const ranges = rangesFor(actor, 'household.read');
      const rows: ExportRow[] = [];
      let after: [string, string] | null = null;
      let revealed = 0;
      const tagNames = new Map((await repo.tags(db)).map((t) => [t.code, t.nameZh]));
      const usernames = new Map<string, string>();
      for (;;) {
        const page = await repo.list(db, ranges, query, after, 1000);
        if (page.length === 0 || rows.length >= MAX_EXPORT_ROWS) break;
        const [names, members, users] = await Promise.all([
          namesFor(db, page),
          repo.members(db, page.map((h) => h.id)),
          repo.userNames(db, [...new Set(page.map((h) => h.contactUserId).filter((u): u is string => !!u && !usernames.has(u)))]),
        ]);
        for (const u of users) usernames.set(u.id, u.username);
        const byHousehold = new Map<string, typeof members>();
        for (const m of members) byHousehold.set(m.householdId, [...(byHousehold.get(m.householdId) ?? []), m]);
        for (const h of page.slice(0, MAX_EXPORT_ROWS - rows.length)) {
          const full = query.unmasked && mayReveal(actor, h);
          if (full) revealed++;
          const open = (value: string | null, mask: (v: string) => string) => (value ? (full ? cipher.decrypt(value) : mask(cipher.decrypt(value))) : '');
          const list = byHousehold.get(h.id) ?? [];
          const head = list.find((m) => m.isHead);
          const others = list.filter((m) => m !== head);
          rows.push({
            id: h.id,
            areaName: names.areaNames.get(h.areaCode) ?? '',
            memberCount: h.memberCount,
            cells: {
              areaCode: h.areaCode,
              address: h.address,
              headName: full ? cipher.decrypt(h.headNameEnc) : h.headNameMasked,
              headIdNumber: head ? open(head.idNumberEnc, maskIdNumber) : '',
              headPhone: head ? open(head.phoneEnc, maskPhone) : '',
              lng: h.lng,
              lat: h.lat,
              tags: tagList(h.tagCodes).map((c) => tagNames.get(c) ?? c).join('、'),
              contact: h.contactUserId ? (usernames.get(h.contactUserId) ?? '') : '',
              needs: h.needs,
              notes: h.notes,
              members: others
                .map((m) => [full ? cipher.decrypt(m.nameEnc) : m.nameMasked, RELATIONSHIP_LABELS[m.relationship as keyof typeof RELATIONSHIP_LABELS]?.[0] ?? m.relationship, open(m.idNumberEnc, maskIdNumber), open(m.phoneEnc, maskPhone)].join('/'))
                .join('；'),
            },
          });
        }
        const last = page[page.length - 1];
        after = [last.areaCode, last.id];
        if (page.length < 1000) break;
      }
      await audit.append({
        actorUserId: actor.userId,
        action: revealed ? 'export_personal_data' : 'export',
        subjectType: 'household',
        subjectId: null,
        detail: { rows: rows.length, unmasked: revealed, filters: { ...query, unmasked: undefined } },
      });
      return { data: await buildExport(rows, '民情档案'), fileName: `民情档案-${clock.now().toISOString().slice(0, 10)}.xlsx` };
    },
  };
}
export type HouseholdLedger = ReturnType<typeof createHouseholdLedger>;
