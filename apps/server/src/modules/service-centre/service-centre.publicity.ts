import { randomUUID } from 'node:crypto';
import { type Locale, MEDIA } from '@lianxin/core';
import type { Actor } from '../../access/actor.js';
import type { ServiceApplicationRow } from '../../db/service-centre.tables.js';
import { AppError, notFound } from '../../errors.js';
import { redact } from '../portal/redact.js';
import { applicationMay, applies, decides } from './service-centre.access.js';
import type { ServiceApplications, ServiceCentreDeps } from './service-centre.applications.js';
import { tallyText } from './service-centre.committee.js';
import { composePoster, renderServiceDocument } from './service-centre.document.js';
import { serviceRepository as repo } from './service-centre.repository.js';

/**
 * 公示 and objections: the running notices on the portal (names masked, free text through the
 * portal redactor), the printable poster, objections from the portal or the window — recorded,
 * investigated and answered; one upheld sends the application back to review — and the close of
 * the notice once its days are over and every objection is answered: approved.
 */
export function createServicePublicity(deps: ServiceCentreDeps & { hotline: string }, applications: ServiceApplications) {
  const { db, clock, audit, notifier, cipher, hotline } = deps;
  const nowIso = () => clock.now().toISOString();

  /** The public entry: nothing personal (the masked name, the summary redacted with the applicant's name known). */
  async function entries(rows: Array<ServiceApplicationRow & { itemName: string; unitId: string }>) {
    const areas = await repo.areaNames(db, rows.map((r) => r.areaCode));
    const units = await repo.unitNames(db, rows.map((r) => r.unitId));
    const counts = await repo.objectionCounts(db, rows.map((r) => r.id));
    const meetings = new Map<string, string>();
    for (const id of new Set(rows.map((r) => r.meetingId).filter((x): x is string => !!x))) meetings.set(id, (await repo.meeting(db, id))?.title ?? '');
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      itemName: r.itemName,
      unitName: units.get(r.unitId) ?? '',
      areaName: areas.get(r.areaCode) ?? '',
      applicantMasked: r.applicantMasked,
      summary: redact(r.summary, [cipher.decrypt(r.applicantNameEnc)]),
      meetingTitle: r.meetingId ? (meetings.get(r.meetingId) ?? null) : null,
      tally: r.tally ? tallyText(JSON.parse(r.tally)) : null,
      startsAt: r.publicityStartsAt!,
      endsAt: r.publicityEndsAt!,
      objectionCount: counts.get(r.id) ?? 0,
    }));
  }

  async function addObjection(a: ServiceApplicationRow, channel: 'portal' | 'window', body: { content: string; contactPhone?: string }, recordedBy: string | null) {
    if (a.state !== 'publicity') throw new AppError(409, 'error.service_state', { serviceState: a.state });
    await db.transaction().execute(async (trx) => {
      const item = (await repo.item(trx, a.itemId))!;
      await repo.insertObjection(trx, {
        id: randomUUID(),
        applicationId: a.id,
        channel,
        content: body.content,
        contactPhoneEnc: body.contactPhone ? cipher.encrypt(body.contactPhone) : null,
        state: 'recorded',
        finding: null,
        upheld: null,
        answer: null,
        recordedBy,
        answeredBy: null,
        createdAt: nowIso(),
        answeredAt: null,
      });
      await applications.record(trx, a, item, 'objection', a.state, recordedBy, channel === 'portal' ? '网上异议' : '窗口异议');
      await notifier.notice(trx, await applications.decidersOf(trx, a.decidingAreaCode), 'notice.service_objection', { item: item.name, number: a.number }, { target: { kind: 'service', id: a.id }, kind: 'service' });
      await audit.append({ actorUserId: recordedBy, action: 'service_objection', subjectType: 'service_application', subjectId: a.id, detail: { number: a.number, channel } }, trx);
    });
  }

  return {
    async publicList() {
      return { items: await entries(await repo.running(db, nowIso())), hotline };
    },

    /** An objection from the portal: only while the notice runs. */
    async objectPublic(id: string, body: { content: string; contactPhone?: string }) {
      const a = await repo.application(db, id);
      if (!a || a.state !== 'publicity' || !a.publicityStartsAt || a.publicityStartsAt > nowIso()) throw notFound();
      await addObjection(a, 'portal', body, null);
      return { received: true as const };
    },

    /** An objection made at the window, recorded by staff of the village or of the deciding level. */
    async objectAtWindow(actor: Actor, id: string, body: { content: string; contactPhone?: string }) {
      const a = await applications.visible(db, actor, id);
      if (!applies(actor, a) && !decides(actor, a)) throw new AppError(403, 'error.forbidden');
      await addObjection(a, 'window', body, actor.userId);
      return applications.detailOf(db, actor, (await repo.application(db, id))!);
    },

    async investigate(actor: Actor, id: string, objectionId: string) {
      return db.transaction().execute(async (trx) => {
        const a = await applications.visible(trx, actor, id);
        if (!decides(actor, a)) throw new AppError(403, 'error.forbidden');
        const o = await repo.objection(trx, objectionId);
        if (!o || o.applicationId !== a.id) throw notFound();
        if (o.state !== 'recorded') throw new AppError(409, 'error.conflict');
        await repo.updateObjection(trx, o.id, { state: 'investigating' });
        return applications.detailOf(trx, actor, a);
      });
    },

    /** 答复: upheld → the application goes back to review (a new round: old links die); else it stays on notice. */
    async answer(actor: Actor, id: string, objectionId: string, body: { finding: string; upheld: boolean; answer: string }) {
      return db.transaction().execute(async (trx) => {
        const a = await applications.visible(trx, actor, id);
        const item = (await repo.item(trx, a.itemId))!;
        if (!applicationMay(actor, a, item).answerObjection) {
          if (!decides(actor, a)) throw new AppError(403, 'error.forbidden');
          throw new AppError(409, 'error.service_state', { serviceState: a.state });
        }
        const o = await repo.objection(trx, objectionId);
        if (!o || o.applicationId !== a.id) throw notFound();
        if (o.state === 'answered') throw new AppError(409, 'error.conflict');
        const at = nowIso();
        await repo.updateObjection(trx, o.id, { state: 'answered', finding: body.finding, upheld: body.upheld ? 1 : 0, answer: body.answer, answeredBy: actor.userId, answeredAt: at });
        if (o.contactPhoneEnc) await notifier.sms(trx, { phone: cipher.decrypt(o.contactPhoneEnc) }, 'sms.service_objection', { number: a.number, answer: body.answer.slice(0, 60) });
        let current = a;
        if (body.upheld) {
          const changes = { state: 'reviewing', round: a.round + 1, meetingId: null, publicityStartsAt: null, publicityEndsAt: null, tally: null, overdueAtDecision: null };
          if (!(await repo.moveApplication(trx, a.id, ['publicity'], changes))) throw new AppError(409, 'error.stale');
          await applications.record(trx, a, item, 'objection_upheld', 'reviewing', actor.userId, body.finding);
          await applications.tellApplicant(trx, a, item, 'objection_upheld', { note: body.answer });
          current = { ...a, ...changes };
        } else {
          await applications.record(trx, a, item, 'objection_rejected', a.state, actor.userId, body.finding);
        }
        await audit.append({ actorUserId: actor.userId, action: 'service_objection_answer', subjectType: 'service_application', subjectId: a.id, detail: { objectionId, upheld: body.upheld } }, trx);
        return applications.detailOf(trx, actor, current);
      });
    },

    /** 公示期满: after its end with every objection answered, the application is approved. */
    async close(actor: Actor, id: string) {
      return db.transaction().execute(async (trx) => {
        const a = await applications.visible(trx, actor, id);
        const item = (await repo.item(trx, a.itemId))!;
        if (!decides(actor, a)) throw new AppError(403, 'error.forbidden');
        if (a.state !== 'publicity') throw new AppError(409, 'error.service_state', { serviceState: a.state });
        const at = nowIso();
        const open = (await repo.objections(trx, a.id)).some((o) => o.state !== 'answered');
        if (!a.publicityEndsAt || at < a.publicityEndsAt || open) throw new AppError(422, 'error.service_publicity');
        const changes = { state: 'approved', decidedAt: at, decisionReason: '经集体评议并公示无异议，予以批准' };
        if (!(await repo.moveApplication(trx, a.id, ['publicity'], changes))) throw new AppError(409, 'error.stale');
        const moved = { ...a, ...changes };
        await applications.record(trx, a, item, 'publicity_closed', 'approved', actor.userId, null);
        await applications.tellApplicant(trx, moved, item, 'approve', {});
        await applications.tellProxy(trx, moved, item, 'approve', 'approved');
        await audit.append({ actorUserId: actor.userId, action: 'service_approve', subjectType: 'service_application', subjectId: a.id, detail: { number: a.number } }, trx);
        return applications.detailOf(trx, actor, moved);
      });
    },

    /** The printable poster of the application's 公示 (with the others of the same deciding area running now). */
    async poster(actor: Actor, id: string, locale: Locale) {
      const a = await applications.visible(db, actor, id);
      if (a.state !== 'publicity') throw notFound();
      const item = (await repo.item(db, a.itemId))!;
      const running = (await repo.running(db, nowIso())).filter((r) => r.decidingAreaCode === a.decidingAreaCode && r.publicityEndsAt === a.publicityEndsAt);
      const list = await entries(running.length ? running : [{ ...a, itemName: item.name, unitId: item.unitId }]);
      const units = await repo.unitNames(db, [item.unitId]);
      const doc = composePoster(list, { unitName: units.get(item.unitId) ?? '', startsAt: a.publicityStartsAt!, endsAt: a.publicityEndsAt!, hotline }, locale);
      await audit.append({ actorUserId: actor.userId, action: 'generate_document', subjectType: 'service_application', subjectId: a.id, detail: { number: a.number, format: 'poster' } });
      return { data: await renderServiceDocument(doc, 'pdf'), fileName: `${a.number}-公示.pdf`, mimeType: MEDIA.pdf };
    },
  };
}
export type ServicePublicity = ReturnType<typeof createServicePublicity>;
