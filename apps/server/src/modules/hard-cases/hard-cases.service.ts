import { type HardCaseListQuery, type HardCaseSettings, type HardCaseView, label, type Locale } from '@lianxin/core';
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { assertCan, can, hardCaseScope, narrowRanges } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { forbidden } from '../../errors.js';
import type { AuditLog } from '../audit/audit.service.js';
import { type HardCaseFilter, hardCasesRepository as repo } from './hard-cases.repository.js';
import { presentHardCase } from './hard-cases.presenter.js';

export interface HardCasesDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
}

/** Rows of one export at most; a bigger list is narrowed with filters first. */
export const HARD_CASE_EXPORT_CAP = 5_000;

type Pair = [zh: string, en: string];
const COLUMNS: Array<[keyof HardCaseView | 'reasonText' | 'lastStepText' | 'taskForce', Pair, number]> = [
  ['code', ['编号', 'Code'], 20],
  ['title', ['标题', 'Title'], 30],
  ['status', ['状态', 'State'], 10],
  ['areaName', ['区划', 'Area'], 14],
  ['unitName', ['承办单位', 'Handling unit'], 22],
  ['categoryName', ['分类', 'Category'], 14],
  ['registeredAt', ['登记时间', 'Registered'], 17],
  ['ageDays', ['已历天数', 'Age (days)'], 10],
  ['reopenCount', ['重办次数', 'Reopens'], 10],
  ['reasonText', ['列入原因', 'Listed for'], 18],
  ['lastStepText', ['最近环节', 'Last step'], 24],
  ['taskForce', ['专案组', 'Task force'], 10],
];
const REASONS: Record<string, Pair> = { age: ['超期未结', 'Open too long'], reopens: ['多次重办', 'Reopened repeatedly'] };
const pick = (pair: Pair, locale: Locale) => pair[locale === 'en-US' ? 1 : 0];
const chinaTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The 积案 list (long-standing cases), its Excel export and its thresholds. */
export function createHardCasesService({ db, clock, audit }: HardCasesDeps) {
  async function filterOf(actor: Actor, query: Omit<HardCaseListQuery, 'offset' | 'limit'>): Promise<HardCaseFilter> {
    const scope = hardCaseScope(actor);
    // An area filter narrows the managers' ranges; units' own cases stay filtered by the condition.
    const areaRanges = query.areaCode && scope.areaRanges.length ? narrowRanges(scope.areaRanges, query.areaCode) : scope.areaRanges;
    return { scope: { ...scope, areaRanges }, query, settings: await repo.settings(db), now: clock.now() };
  }

  async function page(actor: Actor, query: Omit<HardCaseListQuery, 'offset' | 'limit'>, offset: number, limit: number) {
    const filter = await filterOf(actor, query);
    const rows = await repo.listHardCases(db, filter, offset, limit);
    const ids = rows.map((r) => r.id);
    const [steps, forces] = await Promise.all([repo.lastSteps(db, ids), repo.taskForceIdsOf(db, ids)]);
    return { filter, items: rows.map((r) => presentHardCase(r, filter.settings, filter.now, steps.get(r.id), forces.get(r.id))) };
  }

  return {
    async list(actor: Actor, query: HardCaseListQuery) {
      const { filter, items } = await page(actor, query, query.offset, query.limit);
      const total = await repo.countHardCases(db, filter);
      return { items, total, nextOffset: query.offset + items.length < total ? query.offset + query.limit : null, criteria: filter.settings, canManage: can(actor, 'hard_case.manage') };
    },

    /** The filtered list as a workbook (audited: it carries case titles out of the system). */
    async exportXlsx(actor: Actor, query: HardCaseListQuery, locale: Locale): Promise<Buffer> {
      const { items } = await page(actor, query, 0, HARD_CASE_EXPORT_CAP);
      const book = new ExcelJS.Workbook();
      book.creator = '连心 Lianxin';
      const sheet = book.addWorksheet(locale === 'en-US' ? 'Long-standing cases' : '积案清单');
      sheet.columns = COLUMNS.map(([key, header, width]) => ({ key, header: pick(header, locale), width }));
      sheet.getRow(1).font = { bold: true };
      sheet.views = [{ state: 'frozen', ySplit: 1 }];
      for (const c of items) {
        sheet.addRow({
          ...c,
          status: label('state', c.status, locale),
          registeredAt: chinaTime(c.registeredAt),
          reasonText: c.reasons.map((r) => pick(REASONS[r]!, locale)).join(locale === 'en-US' ? ', ' : '、'),
          lastStepText: c.lastStep ? `${label('action', c.lastStep.action, locale)} ${chinaTime(c.lastStep.at)}` : '',
          taskForce: c.taskForceId ? pick(['有', 'Yes'], locale) : '',
        });
      }
      if (items.length >= HARD_CASE_EXPORT_CAP) sheet.addRow([pick([`仅导出前 ${HARD_CASE_EXPORT_CAP} 行，请缩小筛选范围`, `Only the first ${HARD_CASE_EXPORT_CAP} rows; narrow the filters`], locale)]);
      await audit.append({ actorUserId: actor.userId, action: 'export', subjectType: 'hard_cases', detail: { rows: items.length, filters: { ...query, offset: undefined, limit: undefined } } });
      return Buffer.from(await book.xlsx.writeBuffer());
    },

    async settings(actor: Actor): Promise<HardCaseSettings> {
      if (!can(actor, 'hard_case.read') && !can(actor, 'config.manage')) throw forbidden();
      return repo.settings(db);
    },

    /** Sets the thresholds (a platform setting: admins), audited in the same transaction. */
    async setSettings(actor: Actor, settings: HardCaseSettings): Promise<HardCaseSettings> {
      assertCan(actor, 'config.manage');
      await db.transaction().execute(async (trx) => {
        await repo.setSettings(trx, settings);
        await audit.append({ actorUserId: actor.userId, action: 'update', subjectType: 'setting', subjectId: 'hard_cases', detail: { ...settings } }, trx);
      });
      return settings;
    },
  };
}
export type HardCasesService = ReturnType<typeof createHardCasesService>;
