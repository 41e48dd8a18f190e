import { randomUUID } from 'node:crypto';
import {
  type BulletinGenerate,
  type BulletinKind,
  type BulletinListQuery,
  type BulletinPublish,
  type BulletinTypicalCases,
  DEFAULT_METRIC_WEIGHTS,
  grantsWith,
  type Locale,
  localDate,
  MEDIA,
  MetricWeightsSchema,
  rangesOf,
  reachOf,
  subtreePrefix,
  subtreeRange,
  translate,
} from '@lianxin/core';
import type { Kysely } from 'kysely';
import { assertCan, can } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { Dialect } from '../../db/database.js';
import type { BulletinRow } from '../../db/bulletins.tables.js';
import type { DB } from '../../db/schema.js';
import { AppError, forbidden, notFound, unknownReference } from '../../errors.js';
import type { FileToSend } from '../../http/send-file.js';
import type { AuditLog } from '../audit/audit.service.js';
import { WEIGHTS_SETTING } from '../metrics/metrics.service.js';
import type { ResolutionLevels } from '../metrics/resolution-levels.service.js';
import type { Notifier } from '../notifications/notifier.js';
import { type BulletinDocument, renderSection, type StoredSection } from './bulletins.model.js';
import { lastWholePeriods, periodOf } from './bulletins.period.js';
import { renderBulletinDocx } from './bulletins.render-docx.js';
import { renderBulletinPdf } from './bulletins.render-pdf.js';
import { renderBulletinXlsx } from './bulletins.render-xlsx.js';
import { bulletinsRepository as repo } from './bulletins.repository.js';
import { BULLETIN_SECTIONS, loadUnitFigures, type SectionContext, type TypicalChoice, typicalSection, type UnitFigures } from './bulletins.sections.js';

export interface BulletinsDeps {
  db: Kysely<DB>;
  /** Heavy reads: the replica when DATABASE_READ_URL is set (default: `db`). */
  reads?: Kysely<DB>;
  dialect: Dialect;
  clock: Clock;
  audit: AuditLog;
  notifier: Notifier;
  resolutionLevels: ResolutionLevels;
}

/** Settings key of the minimum case count below which a unit is not ranked. */
export const MIN_CASES_SETTING = 'bulletins.min_cases';
const DEFAULT_MIN_CASES = 5;

/**
 * Periodic bulletins (定期通报, SPEC §2 and §7): generated weekly and monthly by the schedule and on
 * demand, edited as drafts (typical cases), published to the units of their area (who get a
 * notice) and, in a version without personal data, on the portal.
 */
export function createBulletinsService({ db, reads = db, dialect, clock, audit, notifier, resolutionLevels }: BulletinsDeps) {
  async function settingsFor() {
    const [weightsRow, minRow] = await Promise.all([repo.setting(db, WEIGHTS_SETTING), repo.setting(db, MIN_CASES_SETTING)]);
    let weights = { ...DEFAULT_METRIC_WEIGHTS };
    try {
      const parsed = weightsRow ? MetricWeightsSchema.safeParse(JSON.parse(weightsRow.value)) : null;
      if (parsed?.success) weights = parsed.data;
    } catch {
      // a broken setting falls back to the defaults, as the metrics do
    }
    const min = Number(minRow?.value);
    return { weights, minCases: Number.isInteger(min) && min > 0 ? min : DEFAULT_MIN_CASES };
  }

  async function contextFor(row: Pick<BulletinRow, 'areaCode' | 'periodFrom' | 'periodTo' | 'minCases' | 'typical'>): Promise<SectionContext> {
    const { weights } = await settingsFor();
    const base = {
      db: reads,
      dialect,
      areaCode: row.areaCode,
      from: new Date(row.periodFrom),
      to: new Date(row.periodTo),
      now: clock.now(),
      minCases: row.minCases,
      weights,
      typical: JSON.parse(row.typical) as TypicalChoice[],
      resolutionLevels,
    };
    let figures: Promise<UnitFigures[]> | undefined;
    return { ...base, unitCounts: () => (figures ??= loadUnitFigures(base)) };
  }

  /** Generates (or regenerates, while a draft) one bulletin; `createdBy` null for the schedule. */
  async function generate(input: { kind: BulletinKind; period: string; areaCode: string; minCases?: number }, createdBy: string | null): Promise<string> {
    const period = periodOf(input.kind, input.period);
    if (!period) throw new AppError(400, 'error.validation', {}, 'period');
    const existing = await repo.findPeriod(db, input.kind, input.areaCode, input.period);
    if (existing && existing.state !== 'draft') throw new AppError(409, 'error.bulletin_published');
    const { minCases: defaultMin } = await settingsFor();
    const minCases = input.minCases ?? existing?.minCases ?? defaultMin;
    const ctx = await contextFor({ areaCode: input.areaCode, periodFrom: period.from.toISOString(), periodTo: period.to.toISOString(), minCases, typical: existing?.typical ?? '[]' });
    const sections: StoredSection[] = [];
    for (const builder of BULLETIN_SECTIONS) sections.push(await builder.build(ctx));
    const issuer = (await repo.centreAt(db, input.areaCode))?.name ?? translate('zh-CN', 'bulletin.issuer', { area: (await repo.areaName(db, input.areaCode))?.name ?? input.areaCode });
    const id = existing?.id ?? randomUUID();
    await db.transaction().execute(async (trx) => {
      if (existing) {
        if (!(await repo.update(trx, id, { sections: JSON.stringify(sections), minCases, issuer }))) throw new AppError(409, 'error.bulletin_published');
      } else {
        await repo.insert(trx, {
          id,
          kind: input.kind,
          periodKey: input.period,
          areaCode: input.areaCode,
          periodFrom: period.from.toISOString(),
          periodTo: period.to.toISOString(),
          year: period.year,
          seq: await repo.nextSeq(trx, input.areaCode, period.year),
          issuer,
          minCases,
          sections: JSON.stringify(sections),
          state: 'draft',
          createdBy,
          createdAt: clock.now().toISOString(),
        });
      }
      await audit.append({ actorUserId: createdBy, action: 'bulletin_generate', subjectType: 'bulletin', subjectId: id, detail: { kind: input.kind, period: input.period, areaCode: input.areaCode } }, trx);
    });
    return id;
  }

  /** Whether the actor may read the bulletin: its managers, or staff of a unit it was published to. */
  async function readable(actor: Actor, row: BulletinRow): Promise<boolean> {
    if (can(actor, 'bulletin.manage', row)) return true;
    if (row.state !== 'published') return false;
    const units = grantsWith(actor.grants, 'bulletin.read').map((g) => g.unitId);
    return repo.isRecipient(db, row.id, units);
  }

  async function visible(actor: Actor, id: string): Promise<BulletinRow> {
    const row = await repo.find(db, id);
    if (!row) throw notFound();
    if (!(await readable(actor, row))) throw forbidden();
    return row;
  }

  async function managed(actor: Actor, id: string): Promise<BulletinRow> {
    const row = await visible(actor, id);
    assertCan(actor, 'bulletin.manage', row);
    if (row.state !== 'draft') throw new AppError(409, 'error.bulletin_published');
    return row;
  }

  /** Number, title, recipients … in the reader's language. */
  async function headerOf(row: BulletinRow, locale: Locale) {
    const areaName = (await repo.areaName(db, row.areaCode))?.name ?? row.areaCode;
    const period = periodOf(row.kind as BulletinKind, row.periodKey)!;
    const periodName = translate(locale, period.name.key, period.name.params);
    return {
      number: translate(locale, 'bulletin.number', { prefix: areaName.replace(/(县|区|市|镇|乡|街道)$/, ''), year: row.year, n: row.seq }),
      title: translate(locale, 'bulletin.title', { period: periodName }),
      recipients: translate(locale, 'bulletin.recipients', { area: areaName }),
      intro: translate(locale, 'bulletin.intro', { period: periodName, area: areaName }),
    };
  }

  function summaryOf(row: BulletinRow, header: { number: string; title: string }) {
    return {
      id: row.id,
      kind: row.kind as BulletinKind,
      periodKey: row.periodKey,
      areaCode: row.areaCode,
      number: header.number,
      title: header.title,
      state: row.state as 'draft' | 'published',
      isPublic: row.isPublic === 1,
      createdAt: row.createdAt,
      publishedAt: row.publishedAt,
    };
  }

  async function present(actor: Actor, row: BulletinRow, locale: Locale) {
    const header = await headerOf(row, locale);
    const typical = JSON.parse(row.typical) as TypicalChoice[];
    const cases = new Map((await repo.casesById(db, typical.map((t) => t.caseId))).map((c) => [c.id, c]));
    return {
      ...summaryOf(row, header),
      issuer: row.issuer,
      from: row.periodFrom,
      to: row.periodTo,
      minCases: row.minCases,
      recipients: header.recipients,
      sections: (JSON.parse(row.sections) as StoredSection[]).map((s) => renderSection(s, locale)),
      typicalCases: typical.filter((t) => cases.has(t.caseId)).map((t) => ({ ...t, code: cases.get(t.caseId)!.code, title: cases.get(t.caseId)!.title })),
      canManage: row.state === 'draft' && can(actor, 'bulletin.manage', row),
    };
  }

  async function documentOf(row: BulletinRow, locale: Locale, onlyPublic = false): Promise<BulletinDocument> {
    const header = await headerOf(row, locale);
    const stored = (JSON.parse(row.sections) as StoredSection[]).filter((s) => !onlyPublic || s.public);
    const date = localDate(new Date(row.publishedAt ?? row.createdAt));
    return {
      issuer: row.issuer,
      number: header.number,
      title: header.title,
      recipients: header.recipients,
      intro: header.intro,
      sections: stored.map((s) => renderSection(s, locale)),
      closing: translate(locale, 'bulletin.closing'),
      date: locale === 'zh-CN' ? `${date.slice(0, 4)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日` : date,
    };
  }

  return {
    async list(actor: Actor, query: BulletinListQuery, locale: Locale) {
      const ranges = rangesOf(actor.grants, 'bulletin.manage');
      const units = grantsWith(actor.grants, 'bulletin.read').map((g) => g.unitId);
      const rows = await repo.list(db, ranges, units, query);
      const more = rows.length > query.limit;
      const items = [];
      for (const row of rows.slice(0, query.limit)) items.push(summaryOf(row, await headerOf(row, locale)));
      return { items, nextOffset: more ? query.offset + query.limit : null };
    },

    async generate(actor: Actor, body: BulletinGenerate, locale: Locale) {
      assertCan(actor, 'bulletin.manage');
      // Default: the widest area the author manages bulletins for.
      const areaCode = body.areaCode ?? reachOf(actor.grants, 'bulletin.manage').sort((a, b) => subtreePrefix(a).length - subtreePrefix(b).length)[0];
      assertCan(actor, 'bulletin.manage', { areaCode });
      if (!(await repo.areaName(db, areaCode))) throw unknownReference('areaCode', 'area');
      const id = await generate({ kind: body.kind, period: body.period, areaCode, minCases: body.minCases }, actor.userId);
      return present(actor, (await repo.find(db, id))!, locale);
    },

    async detail(actor: Actor, id: string, locale: Locale) {
      return present(actor, await visible(actor, id), locale);
    },

    /** Chooses the typical cases (cases of the bulletin's area); only that section is rebuilt. */
    async setTypical(actor: Actor, id: string, body: BulletinTypicalCases, locale: Locale) {
      const row = await managed(actor, id);
      const [lo, hi] = subtreeRange(row.areaCode);
      const found = new Map((await repo.casesById(db, body.cases.map((c) => c.caseId))).map((c) => [c.id, c]));
      body.cases.forEach((c, i) => {
        const hit = found.get(c.caseId);
        if (!hit || hit.areaCode < lo || hit.areaCode >= hi) throw unknownReference(`cases.${i}.caseId`, 'case');
      });
      const typical = JSON.stringify(body.cases);
      const ctx = await contextFor({ ...row, typical });
      const built = await typicalSection.build(ctx);
      const sections = (JSON.parse(row.sections) as StoredSection[]).map((s) => (s.key === built.key ? built : s));
      await db.transaction().execute(async (trx) => {
        if (!(await repo.update(trx, id, { typical, sections: JSON.stringify(sections) }))) throw new AppError(409, 'error.bulletin_published');
        await audit.append({ actorUserId: actor.userId, action: 'bulletin_typical_cases', subjectType: 'bulletin', subjectId: id, detail: { count: body.cases.length } }, trx);
      });
      return present(actor, (await repo.find(db, id))!, locale);
    },

    /** Publishes to every active unit of the area; their staff get a notice. Once only. */
    async publish(actor: Actor, id: string, body: BulletinPublish, locale: Locale) {
      const row = await managed(actor, id);
      const header = await headerOf(row, 'zh-CN');
      await db.transaction().execute(async (trx) => {
        const now = clock.now().toISOString();
        if (!(await repo.update(trx, id, { state: 'published', isPublic: body.public ? 1 : 0, publishedAt: now, publishedBy: actor.userId }))) throw new AppError(409, 'error.bulletin_published');
        const readers = await repo.addRecipients(trx, id, subtreeRange(row.areaCode));
        await notifier.notice(trx, readers, 'notice.bulletin', { number: header.number, title: header.title }, { target: { kind: 'bulletin', id } });
        await audit.append({ actorUserId: actor.userId, action: 'bulletin_publish', subjectType: 'bulletin', subjectId: id, detail: { public: body.public, readers: readers.length } }, trx);
      });
      return present(actor, (await repo.find(db, id))!, locale);
    },

    /** The bulletin as PDF, DOCX or Excel, in the reader's language. */
    async file(actor: Actor, id: string, format: 'pdf' | 'docx' | 'xlsx', locale: Locale): Promise<FileToSend> {
      const row = await visible(actor, id);
      const doc = await documentOf(row, locale);
      const data = format === 'pdf' ? await renderBulletinPdf(doc) : format === 'docx' ? await renderBulletinDocx(doc) : await renderBulletinXlsx(doc);
      await audit.append({ actorUserId: actor.userId, action: 'bulletin_download', subjectType: 'bulletin', subjectId: id, detail: { format } });
      return { data, fileName: `${doc.number}.${format}`, mimeType: MEDIA[format] };
    },

    async publicList(locale: Locale) {
      const rows = await repo.publicList(db);
      const items = [];
      for (const row of rows) {
        const h = await headerOf(row, locale);
        items.push({ id: row.id, number: h.number, title: h.title, publishedAt: row.publishedAt });
      }
      return { items };
    },

    /** The public version: only sections without case titles or names (unit names and figures). */
    async publicDetail(id: string, locale: Locale) {
      const row = await repo.find(db, id);
      if (!row || row.state !== 'published' || row.isPublic !== 1) throw notFound();
      const doc = await documentOf(row, locale, true);
      return { id: row.id, number: doc.number, title: doc.title, issuer: doc.issuer, publishedAt: row.publishedAt, sections: doc.sections };
    },

    /**
     * The schedule: last month's and last week's bulletins for every area with an active centre
     * unit, as drafts, unless they exist. Answers how many were generated.
     */
    async generateDue(): Promise<{ generated: number }> {
      const periods = lastWholePeriods(clock.now());
      let generated = 0;
      for (const areaCode of await repo.centreAreas(db)) {
        for (const [kind, period] of [['monthly', periods.monthly], ['weekly', periods.weekly]] as const) {
          if (await repo.findPeriod(db, kind, areaCode, period)) continue;
          await generate({ kind, period, areaCode }, null);
          generated++;
        }
      }
      return { generated };
    },
  };
}
export type BulletinsService = ReturnType<typeof createBulletinsService>;
