import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  clockStatus,
  isInSubtree,
  computeDeadline,
  label,
  type Locale,
  localDate,
  maskName,
  maskPhone,
  MEDIA,
  type ServiceAction,
  type ServiceApplicationListQuery,
  type ServiceApply,
  type ServiceLevel,
  type ServiceStep,
  type WorkCalendar,
  rangesOf,
} from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import { assertCan } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import type { ServiceApplicationRow, ServiceItemRow } from '../../db/service-centre.tables.js';
import { AppError, notFound, unknownReference } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { Notifier } from '../notifications/notifier.js';
import type { Deadlines } from '../time-limits/deadlines.js';
import { redact } from '../portal/redact.js';
import { applicationMay, applicationReach, applies, assertSeesApplication, decides, decidingAreaOf } from './service-centre.access.js';
import { composeServiceNotice, renderServiceDocument } from './service-centre.document.js';
import { type Names, presentApplication, presentMaterials, presentObjection, toBringBack } from './service-centre.presenter.js';
import { serviceRepository as repo } from './service-centre.repository.js';

export interface ServiceCentreDeps {
  db: Kysely<DB>;
  clock: Clock;
  audit: AuditLog;
  notifier: Notifier;
  cipher: Cipher;
  deadlines: Pick<Deadlines, 'calendar'>;
  publicBaseUrl: string;
  dataDir: string;
}

type Q = Kysely<DB> | Transaction<DB>;
type Material = NonNullable<ServiceStep['materials']>[number];

/** Days an evaluation link stays valid. */
const EVALUATION_DAYS = 15;
/** Roles told of applications to decide at the deciding area. */
const DECIDER_ROLES = ['dispatcher', 'unit_head', 'leader'] as const;
const stateError = (state: string) => new AppError(409, 'error.service_state', { serviceState: label('serviceState', state, 'zh-CN') });

/** The place-name part of an organ's number: 青溪县 → 青溪. */
const organPrefix = (areaName: string) => areaName.replace(/(省|市|县|区|镇|乡|街道|社区|村)$/, '') || areaName;

/**
 * 便民服务申请: taking applications (window, proxy, portal), the lifecycle with an event per step,
 * an SMS to the applicant at each step and a notice to the proxy who carries it, the time limit on
 * the work calendar with its sweep, the notices as documents, and the resident's evaluation.
 */
export function createServiceApplications({ db, clock, audit, notifier, cipher, deadlines, publicBaseUrl, dataDir }: ServiceCentreDeps) {
  const nowIso = () => clock.now().toISOString();

  async function namesFor(q: Q, rows: ServiceApplicationRow[]): Promise<Names> {
    const items = await Promise.all([...new Set(rows.map((r) => r.itemId))].map((id) => repo.item(q, id)));
    return {
      item: new Map(items.filter((i): i is ServiceItemRow => !!i).map((i) => [i.id, i])),
      area: await repo.areaNames(q, rows.map((r) => r.areaCode)),
      user: await repo.userNames(q, rows.map((r) => r.proxyUserId)),
    };
  }

  function evaluationLink(a: ServiceApplicationRow): string {
    const token = cipher.sign({ s: a.id, r: a.round, e: clock.now().getTime() + EVALUATION_DAYS * 86_400_000 });
    return `${publicBaseUrl}/m/service-evaluate/${token}`;
  }

  async function detailOf(q: Q, actor: Actor, a: ServiceApplicationRow) {
    const names = await namesFor(q, [a]);
    const materials = await repo.materials(q, a.id);
    const files = await repo.attachments(q, materials.flatMap((m) => m.attachmentIds.split(',').filter(Boolean)));
    const events = await repo.events(q, a.id);
    const actors = await repo.userNames(q, events.map((e) => e.actorUserId));
    const objections = await repo.objections(q, a.id);
    const missing = materials.filter((m) => m.state !== 'present');
    return {
      ...presentApplication(a, names, missing, actor, clock.now()),
      // Masked by default like the rest of the applicant's data (the reveal is audited).
      summary: redact(a.summary, [cipher.decrypt(a.applicantNameEnc)]),
      householdId: a.householdId,
      materials: presentMaterials(materials, new Map(files.map((f) => [f.id, f.fileName]))),
      events: events.map((e) => ({ action: e.action, fromState: e.fromState, toState: e.toState, actorName: e.actorUserId ? (actors.get(e.actorUserId) ?? null) : null, note: e.note, at: e.at })),
      decisionReason: a.decisionReason,
      decidedAt: a.decidedAt,
      publicityStartsAt: a.publicityStartsAt,
      publicityEndsAt: a.publicityEndsAt,
      objections: objections.map(presentObjection),
      evaluation: a.evaluationResult && a.evaluatedAt ? { result: a.evaluationResult, comment: a.evaluationComment, at: a.evaluatedAt } : null,
      evaluationUrl: a.state === 'delivered' && applicationMay(actor, a, names.item.get(a.itemId)!).reveal ? evaluationLink(a) : null,
      escalationLevel: a.escalationLevel,
    };
  }

  async function visible(q: Q, actor: Actor, id: string): Promise<ServiceApplicationRow> {
    applicationReach(actor);
    const a = await repo.application(q, id);
    if (!a) throw notFound();
    assertSeesApplication(actor, a);
    return a;
  }

  /** Users holding a deciding role in a unit of exactly the deciding area. */
  async function decidersOf(q: Q, areaCode: string): Promise<string[]> {
    const rows = await q
      .selectFrom('userRoles')
      .innerJoin('units', 'units.id', 'userRoles.unitId')
      .innerJoin('users', 'users.id', 'userRoles.userId')
      .select('userRoles.userId')
      .distinct()
      .where('units.areaCode', '=', areaCode)
      .where('userRoles.role', 'in', [...DECIDER_ROLES])
      .where('users.isActive', '=', 1)
      .execute();
    return rows.map((r) => r.userId);
  }

  /** An event, the applicant's SMS and the proxy's notice for one step. */
  async function record(trx: Transaction<DB>, a: ServiceApplicationRow, item: ServiceItemRow, action: string, toState: string, actorId: string | null, note: string | null) {
    await repo.insertEvent(trx, { id: randomUUID(), applicationId: a.id, action, fromState: action === 'submit' ? null : a.state, toState, actorUserId: actorId, note, at: nowIso() });
  }

  async function tellApplicant(trx: Transaction<DB>, a: ServiceApplicationRow, item: ServiceItemRow, action: string, extra: { note?: string | null; materials?: string; link?: string }) {
    const phone = cipher.decrypt(a.applicantPhoneEnc);
    const base = { item: item.name, number: a.number };
    if (action === 'request_materials') await notifier.sms(trx, { phone }, 'sms.service_materials', { ...base, materials: extra.materials ?? '' });
    else if (action === 'refuse') await notifier.sms(trx, { phone }, 'sms.service_refused', { ...base, reason: extra.note ?? '' });
    else if (action === 'deliver') await notifier.sms(trx, { phone }, 'sms.service_delivered', { ...base, link: extra.link ?? '' });
    else await notifier.sms(trx, { phone }, 'sms.service_step', { ...base, step: label('serviceAction', action, 'zh-CN'), note: (extra.note ?? '').slice(0, 60) });
  }

  async function tellProxy(trx: Transaction<DB>, a: ServiceApplicationRow, item: ServiceItemRow, action: string, state: string) {
    if (!a.proxyUserId) return;
    const missing = (await repo.materials(trx, a.id)).filter((m) => m.state !== 'present');
    const bring = toBringBack({ ...a, state }, missing, 'zh-CN');
    await notifier.notice(trx, [a.proxyUserId], bring.length ? 'notice.service_carry' : 'notice.service_step', { item: item.name, number: a.number, step: action, bring: bring.join('、') }, { target: { kind: 'service', id: a.id }, kind: 'service' });
  }

  async function writeMaterials(trx: Transaction<DB>, applicationId: string, materials: readonly Material[], owned: (id: string) => boolean) {
    const ids = materials.flatMap((m) => m.attachmentIds ?? []);
    const found = await repo.attachments(trx, ids);
    for (const id of ids) {
      const f = found.find((x) => x.id === id);
      if (!f || f.caseId || !owned(f.uploadedBy ?? '')) throw unknownReference('materials', 'attachment');
    }
    const existing = await repo.materials(trx, applicationId);
    for (const [i, m] of materials.entries()) {
      const same = existing.find((e) => e.name === m.name);
      if (same) {
        const photos = [...new Set([...same.attachmentIds.split(',').filter(Boolean), ...(m.attachmentIds ?? [])])];
        await repo.updateMaterial(trx, same.id, { state: m.state, note: m.note ?? same.note, attachmentIds: photos.join(',') });
      } else {
        await repo.insertMaterials(trx, [{ id: randomUUID(), applicationId, position: existing.length + i, name: m.name, state: m.state, note: m.note ?? null, attachmentIds: (m.attachmentIds ?? []).join(',') }]);
      }
    }
  }

  // The calendar is loaded before a transaction opens (on SQLite a query outside the transaction would wait for it).
  let calendar: WorkCalendar | null = null;
  const loadCalendar = async () => {
    calendar = await deadlines.calendar();
  };
  function deadlineFrom(start: Date, item: ServiceItemRow): string {
    return computeDeadline(start, { amount: item.limitDays, unit: item.limitUnit as 'working_days' | 'natural_days' }, calendar!).toISOString();
  }

  /** Creates an application (inside the caller's transaction); the number is per county and year. */
  async function create(
    trx: Transaction<DB>,
    input: { item: ServiceItemRow; channel: string; areaCode: string; householdId: string | null; name: string; phone: string; idNumber: string | null; summary: string; proxyUserId: string | null; createdBy: string | null },
  ): Promise<ServiceApplicationRow> {
    const now = clock.now();
    const county = await trx.selectFrom('areas').select('name').where('code', '=', `${input.areaCode.slice(0, 6)}000000`).executeTakeFirst();
    const prefix = organPrefix(county?.name ?? '');
    const year = localDate(now).slice(0, 4);
    const serial = await repo.nextNumber(trx, `service:${prefix}:${year}`);
    const row: ServiceApplicationRow = {
      id: randomUUID(),
      number: `${prefix}便〔${year}〕${serial}号`,
      itemId: input.item.id,
      channel: input.channel,
      state: 'submitted',
      areaCode: input.areaCode,
      decidingAreaCode: decidingAreaOf(input.item.level as ServiceLevel, input.areaCode),
      householdId: input.householdId,
      applicantNameEnc: cipher.encrypt(input.name),
      applicantPhoneEnc: cipher.encrypt(input.phone),
      applicantIdEnc: input.idNumber ? cipher.encrypt(input.idNumber.toUpperCase()) : null,
      applicantMasked: maskName(input.name),
      phoneMasked: maskPhone(input.phone),
      summary: input.summary,
      proxyUserId: input.proxyUserId,
      createdBy: input.createdBy,
      submittedAt: now.toISOString(),
      clockStartAt: now.toISOString(),
      dueAt: deadlineFrom(now, input.item),
      dueLevel: 'normal',
      escalationLevel: 0,
      overdueAtDecision: null,
      decidedAt: null,
      decisionReason: null,
      meetingId: null,
      tally: null,
      publicityStartsAt: null,
      publicityEndsAt: null,
      deliveredAt: null,
      evaluationResult: null,
      evaluationComment: null,
      evaluatedAt: null,
      round: 0,
    };
    await repo.insertApplication(trx, row);
    await record(trx, row, input.item, 'submit', 'submitted', input.createdBy, null);
    const area = await repo.areaNames(trx, [input.areaCode]);
    await notifier.notice(trx, await decidersOf(trx, row.decidingAreaCode), 'notice.service_new', { item: input.item.name, number: row.number, area: area.get(input.areaCode) ?? '' }, { target: { kind: 'service', id: row.id }, kind: 'service' });
    await tellApplicant(trx, row, input.item, 'submit', {});
    return row;
  }

  /** The applicant's village, checked: a village or community (or a grid below one). */
  async function villageOf(q: Q, areaCode: string): Promise<string> {
    const area = await q.selectFrom('areas').select(['code', 'level']).where('code', '=', areaCode).executeTakeFirst();
    if (!area) throw unknownReference('areaCode', 'area');
    if (area.level !== 'village' && area.level !== 'grid') throw new AppError(422, 'error.service_area', {}, 'areaCode');
    return area.code;
  }

  /**
   * One step: checked against what the actor may do now, then the state moves (optimistically: a
   * concurrent step wins), with its event, the SMS to the applicant and the proxy's notice.
   */
  async function step(actor: Actor, id: string, body: ServiceStep) {
    await loadCalendar();
    return db.transaction().execute(async (trx) => {
      const a = await visible(trx, actor, id);
      const item = (await repo.item(trx, a.itemId))!;
      const may = applicationMay(actor, a, item);
      const action = body.action as ServiceAction;
      if (!may[action]) {
        // 403 when the actor's role never takes this step here; 409 when it is only not the time.
        const byRole = action === 'supplement' || action === 'deliver' ? applies(actor, a) || decides(actor, a) : decides(actor, a);
        if (!byRole) throw new AppError(403, 'error.forbidden');
        throw stateError(a.state);
      }
      const note = body.note?.trim() || null;
      const now = clock.now();
      const at = now.toISOString();
      let to: string = a.state;
      const changes: Partial<ServiceApplicationRow> = {};
      let materialsText = '';
      const stopClock = () => {
        if (a.dueAt && changes.overdueAtDecision === undefined) changes.overdueAtDecision = at > a.dueAt ? 1 : 0;
      };
      switch (action) {
        case 'receive':
          to = 'received';
          break;
        case 'request_materials': {
          const wanted = (body.materials ?? []).filter((m) => m.state !== 'present');
          if (!wanted.length) throw new AppError(400, 'error.validation', {}, 'materials');
          await writeMaterials(trx, a.id, wanted, () => true);
          materialsText = wanted.map((m) => m.name).join('、');
          to = 'materials_requested';
          break;
        }
        case 'supplement': {
          const brought = body.materials ?? [];
          if (!brought.length) throw new AppError(400, 'error.validation', {}, 'materials');
          await writeMaterials(trx, a.id, brought.map((m) => ({ ...m, state: 'present' as const })), (uploader) => uploader === actor.userId);
          to = 'supplemented';
          // 补正后重新计算办理时限: the full limit again from the day the materials are complete.
          changes.clockStartAt = at;
          changes.dueAt = deadlineFrom(now, item);
          changes.dueLevel = 'normal';
          changes.escalationLevel = 0;
          break;
        }
        case 'review':
          to = 'reviewing';
          break;
        case 'to_committee':
          to = 'committee';
          break;
        case 'approve':
          to = 'approved';
          stopClock();
          changes.decidedAt = at;
          changes.decisionReason = note;
          break;
        case 'refuse':
          if (!note) throw new AppError(400, 'error.service_reason', {}, 'note');
          to = 'refused';
          stopClock();
          changes.decidedAt = at;
          changes.decisionReason = note;
          break;
        case 'deliver':
          to = 'delivered';
          changes.deliveredAt = at;
          break;
      }
      changes.state = to;
      if (!(await repo.moveApplication(trx, a.id, [a.state], changes))) throw stateError(a.state);
      const moved = { ...a, ...changes } as ServiceApplicationRow;
      await record(trx, a, item, action, to, actor.userId, action === 'request_materials' ? materialsText + (note ? `：${note}` : '') : note);
      await tellApplicant(trx, moved, item, action, { note, materials: materialsText, link: action === 'deliver' ? evaluationLink(moved) : undefined });
      if (action === 'request_materials' || action === 'approve' || action === 'refuse') await tellProxy(trx, moved, item, action, to);
      if (action === 'supplement') await notifier.notice(trx, await decidersOf(trx, a.decidingAreaCode), 'notice.service_step', { item: item.name, number: a.number, step: 'supplement' }, { target: { kind: 'service', id: a.id }, kind: 'service' });
      await audit.append({ actorUserId: actor.userId, action: `service_${action}`, subjectType: 'service_application', subjectId: a.id, detail: { number: a.number, from: a.state, to } }, trx);
      return detailOf(trx, actor, moved);
    });
  }

  return {
    detailOf,
    visible,
    record,
    tellApplicant,
    tellProxy,
    decidersOf,
    create,
    evaluationLink,

    async list(actor: Actor, query: ServiceApplicationListQuery) {
      const reach = applicationReach(actor);
      const rows = await repo.listApplications(db, reach, { ...query, decideRanges: rangesOf(actor.grants, 'service.decide'), now: nowIso() });
      const page = rows.slice(0, query.limit);
      const names = await namesFor(db, page);
      const missing = await repo.materialsOf(db, page.map((r) => r.id));
      const now = clock.now();
      return {
        items: page.map((a) => presentApplication(a, names, missing.filter((m) => m.applicationId === a.id), actor, now)),
        nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
      };
    },

    detail: async (actor: Actor, id: string) => detailOf(db, actor, await visible(db, actor, id)),

    /** At a window or by a village proxy: the actor must hold `service.apply` over the applicant's village. */
    async apply(actor: Actor, body: ServiceApply) {
      assertCan(actor, 'service.apply');
      await loadCalendar();
      return db.transaction().execute(async (trx) => {
        const item = await repo.item(trx, body.itemId);
        if (!item || item.active !== 1) throw unknownReference('itemId', 'service_item');
        const areaCode = await villageOf(trx, body.areaCode);
        assertCan(actor, 'service.apply', { areaCode });
        if (body.channel === 'proxy' && item.proxyAllowed !== 1) throw new AppError(422, 'error.service_proxy', {}, 'channel');
        if (body.householdId) {
          const h = await repo.household(trx, body.householdId);
          if (!h) throw unknownReference('householdId', 'household');
          if (h.areaCode.slice(0, 12) !== areaCode.slice(0, 12)) throw new AppError(422, 'error.service_household', {}, 'householdId');
        }
        const row = await create(trx, {
          item,
          channel: body.channel,
          areaCode,
          householdId: body.householdId ?? null,
          name: body.applicantName,
          phone: body.applicantPhone,
          idNumber: body.applicantIdNumber ?? null,
          summary: body.summary,
          proxyUserId: body.channel === 'proxy' ? actor.userId : null,
          createdBy: actor.userId,
        });
        await writeMaterials(trx, row.id, body.materials, (uploader) => uploader === actor.userId);
        await audit.append({ actorUserId: actor.userId, action: 'service_apply', subjectType: 'service_application', subjectId: row.id, detail: { number: row.number, item: item.code, channel: body.channel } }, trx);
        return detailOf(trx, actor, row);
      });
    },

    /** The resident on the portal, with photo upload tokens (as the portal's own photos). */
    async applyPublic(body: { itemId: string; areaCode: string; applicantName: string; applicantPhone: string; summary: string; photos: string[] }) {
      const attachmentIds = body.photos.map((t) => {
        const p = cipher.verify<{ k: string; a: string; e: number }>(t);
        if (!p || p.k !== 'photo' || p.e < clock.now().getTime()) throw new AppError(400, 'error.validation', {}, 'photos');
        return p.a;
      });
      await loadCalendar();
      return db.transaction().execute(async (trx) => {
        const item = await repo.item(trx, body.itemId);
        if (!item || item.active !== 1) throw unknownReference('itemId', 'service_item');
        const areaCode = await villageOf(trx, body.areaCode);
        const row = await create(trx, { item, channel: 'portal', areaCode, householdId: null, name: body.applicantName, phone: body.applicantPhone, idNumber: null, summary: body.summary, proxyUserId: null, createdBy: null });
        const materials = (JSON.parse(item.materials) as Array<{ name: string }>).map((m, i) => ({
          id: randomUUID(),
          applicationId: row.id,
          position: i,
          name: m.name,
          state: 'missing',
          note: null,
          attachmentIds: '',
        }));
        // The resident's photos are kept together on a first line; the window sorts them into the checklist on receipt.
        await repo.insertMaterials(trx, [{ id: randomUUID(), applicationId: row.id, position: -1, name: '网上提交的材料照片', state: 'present', note: null, attachmentIds: attachmentIds.join(',') }, ...materials]);
        return { number: row.number };
      });
    },

    step,

    /** The applicant's name, phone and ID number in clear, audited. */
    async reveal(actor: Actor, id: string) {
      const a = await visible(db, actor, id);
      const item = (await repo.item(db, a.itemId))!;
      if (!applicationMay(actor, a, item).reveal) throw new AppError(403, 'error.forbidden');
      await audit.append({ actorUserId: actor.userId, action: 'reveal_personal_data', subjectType: 'service_application', subjectId: a.id, detail: { number: a.number } });
      return { name: cipher.decrypt(a.applicantNameEnc), phone: cipher.decrypt(a.applicantPhoneEnc), idNumber: a.applicantIdEnc ? cipher.decrypt(a.applicantIdEnc) : null };
    },

    /** A photo of a material of an application the actor sees. */
    async photo(actor: Actor, id: string, photoId: string) {
      const a = await visible(db, actor, id);
      const materials = await repo.materials(db, a.id);
      if (!materials.some((m) => m.attachmentIds.split(',').includes(photoId))) throw notFound();
      const [f] = await repo.attachments(db, [photoId]);
      if (!f) throw notFound();
      await audit.append({ actorUserId: actor.userId, action: 'download_attachment', subjectType: 'service_application', subjectId: a.id, detail: { photoId } });
      return { data: await readFile(join(dataDir, 'attachments', f.storageKey)), fileName: f.fileName, mimeType: f.mimeType };
    },

    /** 补正材料通知书 (the last request) or 不予批准决定书, as DOCX or PDF, audited. */
    async notice(actor: Actor, id: string, format: 'pdf' | 'docx', locale: Locale) {
      const a = await visible(db, actor, id);
      const item = (await repo.item(db, a.itemId))!;
      const refused = a.state === 'refused' || (a.decidedAt !== null && a.decisionReason !== null && (await repo.lastEvent(db, a.id, 'refuse')) !== undefined);
      const request = await repo.lastEvent(db, a.id, 'request_materials');
      if (!refused && !request) throw notFound();
      const units = await repo.unitNames(db, [item.unitId]);
      const doc = composeServiceNotice(
        {
          kind: refused ? 'refusal' : 'materials',
          number: a.number,
          itemName: item.name,
          applicant: cipher.decrypt(a.applicantNameEnc),
          unitName: units.get(item.unitId) ?? '',
          submittedAt: a.submittedAt,
          issuedAt: refused ? (a.decidedAt ?? nowIso()) : request!.at,
          text: refused ? (a.decisionReason ?? '') : (request!.note ?? ''),
        },
        locale,
      );
      await audit.append({ actorUserId: actor.userId, action: 'generate_document', subjectType: 'service_application', subjectId: a.id, detail: { number: a.number, format } });
      return { data: await renderServiceDocument(doc, format), fileName: `${a.number}-${doc.title}.${format}`, mimeType: format === 'pdf' ? MEDIA.pdf : MEDIA.docx };
    },

    /** The evaluation link's application (public, anonymised). */
    async evaluationView(token: string) {
      const { a, item } = await fromToken(token);
      return { number: a.number, itemName: item.name, state: a.state as 'delivered', result: a.decisionReason, rated: a.evaluatedAt !== null };
    },

    /** The resident rates the service once, through the signed link of the delivery SMS. */
    async evaluate(token: string, body: { result: string; comment?: string }) {
      return db.transaction().execute(async (trx) => {
        const { a, item } = await fromToken(token, trx);
        if (a.state !== 'delivered') throw stateError(a.state);
        const at = nowIso();
        const changes = { state: 'evaluated', evaluationResult: body.result, evaluationComment: body.comment ?? null, evaluatedAt: at };
        if (!(await repo.moveApplication(trx, a.id, ['delivered'], changes))) throw stateError(a.state);
        await record(trx, a, item, 'evaluate', 'evaluated', null, label('evaluation', body.result, 'zh-CN') + (body.comment ? `：${body.comment}` : ''));
        return { number: a.number, itemName: item.name, state: 'evaluated' as const, result: a.decisionReason, rated: true };
      });
    },

    /**
     * The time-limit sweep for applications, on the same calendar and clock rules as cases: yellow
     * at 75 % (the deciders are told), red when overdue (escalated to the deciding area's unit
     * heads and leaders, an event), and a day later to the supervisors over the area.
     */
    async sweep(): Promise<{ yellow: number; escalated1: number; escalated2: number }> {
      const now = clock.now();
      const result = { yellow: 0, escalated1: 0, escalated2: 0 };
      const candidates = await db
        .selectFrom('serviceApplications')
        .selectAll()
        .where('state', 'in', ['submitted', 'received', 'supplemented', 'reviewing', 'committee'])
        .where('dueAt', 'is not', null)
        .where('escalationLevel', '<', 2)
        .orderBy('dueAt')
        .limit(500)
        .execute();
      for (const c of candidates) {
        const status = clockStatus(new Date(c.clockStartAt ?? c.submittedAt), new Date(c.dueAt!), now);
        const secondDue = status.level === 'red' && -status.remainingMs >= 86_400_000;
        const want = secondDue ? 2 : status.level === 'red' ? 1 : 0;
        const yellow = status.level === 'yellow' && c.dueLevel === 'normal';
        if (!yellow && want <= c.escalationLevel) continue;
        await db.transaction().execute(async (trx) => {
          const item = (await repo.item(trx, c.itemId))!;
          const at = now.toISOString();
          const params = { item: item.name, number: c.number, due: localDate(new Date(c.dueAt!)) };
          const about = { target: { kind: 'service', id: c.id }, kind: 'service' as const };
          if (yellow) {
            const r = await trx.updateTable('serviceApplications').set({ dueLevel: 'yellow' }).where('id', '=', c.id).where('dueLevel', '=', 'normal').where('state', '=', c.state).executeTakeFirst();
            if (Number(r.numUpdatedRows) !== 1) return;
            await notifier.notice(trx, await decidersOf(trx, c.decidingAreaCode), 'notice.service_due_soon', params, about);
            result.yellow += 1;
            return;
          }
          const r = await trx
            .updateTable('serviceApplications')
            .set({ dueLevel: 'red', escalationLevel: want })
            .where('id', '=', c.id)
            .where('escalationLevel', '=', c.escalationLevel)
            .where('state', '=', c.state)
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) !== 1) return;
          await repo.insertEvent(trx, { id: randomUUID(), applicationId: c.id, action: 'overdue', fromState: c.state, toState: c.state, actorUserId: null, note: `escalation ${want}`, at });
          const heads = want === 1 ? await trx
            .selectFrom('userRoles')
            .innerJoin('units', 'units.id', 'userRoles.unitId')
            .select('userRoles.userId')
            .distinct()
            .where('units.areaCode', '=', c.decidingAreaCode)
            .where('userRoles.role', 'in', ['unit_head', 'leader'])
            .execute()
            .then((rows) => rows.map((x) => x.userId)) : await overAreaSupervisors(trx, c.decidingAreaCode);
          await notifier.notice(trx, heads, 'notice.service_overdue', params, about);
          if (want === 1) result.escalated1 += 1;
          else result.escalated2 += 1;
        });
      }
      return result;
    },
  };

  async function overAreaSupervisors(q: Q, areaCode: string): Promise<string[]> {
    const rows = await q.selectFrom('userRoles').innerJoin('units', 'units.id', 'userRoles.unitId').select(['userRoles.userId', 'units.areaCode']).where('userRoles.role', '=', 'supervisor').execute();
    return [...new Set(rows.filter((r) => isInSubtree(areaCode, r.areaCode)).map((r) => r.userId))];
  }

  async function fromToken(token: string, q: Q = db) {
    const p = cipher.verify<{ s: string; r: number; e: number }>(token);
    if (!p || typeof p.s !== 'string' || p.e < clock.now().getTime()) throw notFound();
    const a = await repo.application(q, p.s);
    if (!a || a.round !== p.r || (a.state !== 'delivered' && a.state !== 'evaluated')) throw notFound();
    const item = (await repo.item(q, a.itemId))!;
    return { a, item };
  }
}
export type ServiceApplications = ReturnType<typeof createServiceApplications>;
