import { randomUUID } from 'node:crypto';
import { holds, rangesOf, type ServiceState, type VoteRule } from '@lianxin/core';
import type { z } from 'zod';
import type { ServiceMeetingWriteSchema } from '@lianxin/core';
import type { Transaction } from 'kysely';
import { assertCan } from '../../access/access.js';
import type { Actor } from '../../access/actor.js';
import type { DB } from '../../db/schema.js';
import type { ServiceMeetingRow } from '../../db/service-centre.tables.js';
import { AppError, forbidden, notFound, outOfScope, unknownReference } from '../../errors.js';
import type { ServiceApplications, ServiceCentreDeps } from './service-centre.applications.js';
import { decides } from './service-centre.access.js';
import { serviceRepository as repo } from './service-centre.repository.js';

type Member = { name: string; role: string | null; present: boolean };
type Tally = { for: number; against: number; abstain: number };

/** Whether a vote passes: quorum (share of members present) first, then the majority of those present. */
export function judgeVote(members: number, present: number, tally: Tally, quorumPercent: number, rule: VoteRule): 'passed' | 'failed' | 'no_quorum' {
  if (members === 0 || present * 100 < members * quorumPercent) return 'no_quorum';
  const passed = rule === 'two_thirds' ? tally.for * 3 >= present * 2 : tally.for * 2 > present;
  return passed ? 'passed' : 'failed';
}

/** The words of a tally, as the 公示 and the events state it. */
export const tallyText = (t: Tally) => `赞成${t.for}票，反对${t.against}票，弃权${t.abstain}票`;

/**
 * 集体审批: a committee meeting of the deciding level with its members and attendance, and a
 * vote per application under the item's quorum and majority; passed → 公示 for the item's days,
 * failed → refused with the tally as the reason.
 */
export function createServiceCommittee(deps: ServiceCentreDeps, applications: ServiceApplications) {
  const { db, clock, audit } = deps;

  async function present(trx: Transaction<DB> | typeof db, m: ServiceMeetingRow) {
    const members = JSON.parse(m.members) as Member[];
    const votes = await repo.votes(trx, m.id);
    const units = await repo.unitNames(trx, [m.unitId]);
    const presentCount = members.filter((x) => x.present).length;
    return {
      id: m.id,
      title: m.title,
      unitId: m.unitId,
      unitName: units.get(m.unitId) ?? '',
      heldAt: m.heldAt,
      members: members.map((x, index) => ({ index, name: x.name, role: x.role, present: x.present })),
      quorumMet: members.length > 0 && presentCount * 100 >= members.length * Math.max(...votes.map((v) => v.quorumPercent), 50),
      applications: votes.map((v) => {
        const cast = v.votes ? (JSON.parse(v.votes) as Array<{ vote: keyof Tally }>) : null;
        const tally = cast ? { for: cast.filter((c) => c.vote === 'for').length, against: cast.filter((c) => c.vote === 'against').length, abstain: cast.filter((c) => c.vote === 'abstain').length } : null;
        return {
          id: v.applicationId,
          number: v.number,
          itemName: v.itemName,
          applicantMasked: v.applicantMasked,
          state: v.state as ServiceState,
          quorumPercent: v.quorumPercent,
          voteRule: v.voteRule as VoteRule,
          tally,
          outcome: (v.outcome as 'passed' | 'failed' | null) ?? null,
        };
      }),
    };
  }

  async function visibleMeeting(trx: Transaction<DB> | typeof db, actor: Actor, id: string) {
    assertCan(actor, 'service.decide');
    const m = await repo.meeting(trx, id);
    if (!m) throw notFound();
    if (!holds(actor.grants, 'service.decide', m.areaCode)) throw outOfScope();
    return m;
  }

  return {
    async list(actor: Actor) {
      assertCan(actor, 'service.decide');
      const rows = await repo.meetings(db, rangesOf(actor.grants, 'service.decide'));
      const out = [];
      for (const m of rows) {
        const p = await present(db, m);
        out.push({ id: p.id, title: p.title, unitName: p.unitName, heldAt: p.heldAt, quorumMet: p.quorumMet });
      }
      return { items: out };
    },

    detail: async (actor: Actor, id: string) => present(db, await visibleMeeting(db, actor, id)),

    /** Convenes a meeting of a unit the actor decides for, over applications awaiting the committee. */
    async create(actor: Actor, body: z.infer<typeof ServiceMeetingWriteSchema>) {
      assertCan(actor, 'service.decide');
      return db.transaction().execute(async (trx) => {
        const unit = await trx.selectFrom('units').select(['id', 'areaCode']).where('id', '=', body.unitId).executeTakeFirst();
        if (!unit) throw unknownReference('unitId', 'unit');
        if (!holds(actor.grants, 'service.decide', unit.areaCode)) throw outOfScope();
        const ids = [...new Set(body.applicationIds)];
        for (const id of ids) {
          const a = await repo.application(trx, id);
          if (!a) throw unknownReference('applicationIds', 'service_application');
          if (!decides(actor, a)) throw outOfScope();
          if (a.state !== 'committee') throw new AppError(409, 'error.service_state', { serviceState: a.state }, 'applicationIds');
        }
        const m: ServiceMeetingRow = {
          id: randomUUID(),
          title: body.title,
          unitId: unit.id,
          areaCode: unit.areaCode,
          heldAt: new Date(body.heldAt).toISOString(),
          members: JSON.stringify(body.members.map((x) => ({ name: x.name, role: x.role ?? null, present: false }))),
          createdBy: actor.userId,
          createdAt: clock.now().toISOString(),
        };
        await repo.insertMeeting(trx, m);
        await repo.insertVotes(trx, m.id, ids);
        for (const id of ids) await repo.updateApplication(trx, id, { meetingId: m.id });
        await audit.append({ actorUserId: actor.userId, action: 'service_meeting', subjectType: 'service_meeting', subjectId: m.id, detail: { title: m.title, applications: ids.length } }, trx);
        return present(trx, m);
      });
    },

    /** 签到: the members present (by index). */
    async attendance(actor: Actor, id: string, presentIdx: number[]) {
      return db.transaction().execute(async (trx) => {
        const m = await visibleMeeting(trx, actor, id);
        const members = JSON.parse(m.members) as Member[];
        if (presentIdx.some((i) => i >= members.length)) throw new AppError(400, 'error.validation', {}, 'present');
        const next = members.map((x, i) => ({ ...x, present: presentIdx.includes(i) }));
        await repo.updateMeeting(trx, m.id, { members: JSON.stringify(next) });
        return present(trx, { ...m, members: JSON.stringify(next) });
      });
    },

    /** 表决 on one application: only members present, once each; quorum and majority as the item says. */
    async vote(actor: Actor, id: string, body: { applicationId: string; votes: Array<{ member: number; vote: 'for' | 'against' | 'abstain' }> }) {
      return db.transaction().execute(async (trx) => {
        const m = await visibleMeeting(trx, actor, id);
        const members = JSON.parse(m.members) as Member[];
        const entry = (await repo.votes(trx, m.id)).find((v) => v.applicationId === body.applicationId);
        if (!entry) throw unknownReference('applicationId', 'service_application');
        if (entry.outcome) throw new AppError(409, 'error.service_state', { serviceState: entry.state }, 'applicationId');
        const a = (await repo.application(trx, body.applicationId))!;
        if (!decides(actor, a)) throw forbidden();
        if (a.state !== 'committee') throw new AppError(409, 'error.service_state', { serviceState: a.state }, 'applicationId');
        const item = (await repo.item(trx, a.itemId))!;
        const presentCount = members.filter((x) => x.present).length;
        const voters = body.votes.map((v) => v.member);
        if (new Set(voters).size !== voters.length || voters.some((i) => !members[i]?.present)) throw new AppError(400, 'error.service_vote', {}, 'votes');
        const tally = { for: 0, against: 0, abstain: 0 };
        for (const v of body.votes) tally[v.vote] += 1;
        const outcome = judgeVote(members.length, presentCount, tally, item.quorumPercent, item.voteRule as VoteRule);
        if (outcome === 'no_quorum') throw new AppError(422, 'error.service_quorum', {}, 'votes');
        const now = clock.now();
        const at = now.toISOString();
        await repo.setVote(trx, m.id, a.id, JSON.stringify(body.votes), outcome);
        const text = tallyText(tally);
        const overdue = a.dueAt ? (at > a.dueAt ? 1 : 0) : null;
        if (outcome === 'passed') {
          const ends = new Date(now.getTime() + item.publicityDays * 86_400_000).toISOString();
          const changes = { state: 'publicity', tally: JSON.stringify(tally), publicityStartsAt: at, publicityEndsAt: ends, overdueAtDecision: overdue };
          if (!(await repo.moveApplication(trx, a.id, ['committee'], changes))) throw new AppError(409, 'error.stale');
          await applications.record(trx, a, item, 'vote_passed', 'publicity', actor.userId, `${m.title}：${text}`);
          await applications.tellApplicant(trx, { ...a, ...changes }, item, 'vote_passed', { note: text });
        } else {
          const reason = `集体评议未通过（${text}）`;
          const changes = { state: 'refused', tally: JSON.stringify(tally), decidedAt: at, decisionReason: reason, overdueAtDecision: overdue };
          if (!(await repo.moveApplication(trx, a.id, ['committee'], changes))) throw new AppError(409, 'error.stale');
          await applications.record(trx, a, item, 'vote_failed', 'refused', actor.userId, `${m.title}：${text}`);
          await applications.tellApplicant(trx, { ...a, ...changes }, item, 'refuse', { note: reason });
          await applications.tellProxy(trx, { ...a, ...changes }, item, 'refuse', 'refused');
        }
        await audit.append({ actorUserId: actor.userId, action: 'service_vote', subjectType: 'service_application', subjectId: a.id, detail: { meetingId: m.id, ...tally, outcome } }, trx);
        return present(trx, m);
      });
    },
  };
}
export type ServiceCommittee = ReturnType<typeof createServiceCommittee>;
