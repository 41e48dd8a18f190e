import { randomUUID } from 'node:crypto';
import { localDate, type MeetingDoorSignIn, type MeetingKind, type MeetingSignIns, type PublicMeeting } from '@lianxin/core';
import type { Kysely, Transaction } from 'kysely';
import type { Actor } from '../../access/actor.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import { AppError, notFound } from '../../errors.js';
import type { Cipher } from '../../security/cipher.js';
import type { AuditLog } from '../audit/audit.service.js';
import type { ResidentVerifier } from './consultations.portal.js';
import { portalQr } from './consultations.records.js';
import { type Audience, consultationsRepository as repo } from './consultations.repository.js';
import { type ConsultationsService, isUniqueViolation } from './consultations.service.js';

type Q = Kysely<DB> | Transaction<DB>;

const closed = () => new AppError(409, 'error.meeting_sign_in_closed');

/**
 * 扫码签到: the door of a meeting. Its QR code opens `/m/meetings/<id>/sign-in` on the attendee's
 * phone; the attendee is verified by an SMS code against the registry (the consultations' verifier,
 * subject `meeting:<id>`, audience: the consultation's area and listed households, without its tag
 * filter — representatives are asked whatever their tags) and signed in once: an attendee listed
 * from the registry is matched by household and name, anyone else is added; a unique index on
 * (meeting, member) makes a second scan answer "already signed in", even under races. Open on the
 * meeting's China-time day only. Staff read the list live (`signIns`, polled by the door page).
 */
export function createMeetingDoor({ db, clock, cipher, audit, verifier, consultations, publicBaseUrl }: { db: Kysely<DB>; clock: Clock; cipher: Cipher; audit: AuditLog; verifier: ResidentVerifier; consultations: Pick<ConsultationsService, 'visible'>; publicBaseUrl: string }) {
  async function meetingOf(q: Q, meetingId: string) {
    const m = await q
      .selectFrom('consultationMeetings')
      .innerJoin('consultations', 'consultations.id', 'consultationMeetings.consultationId')
      .select(['consultationMeetings.id', 'consultationMeetings.kind', 'consultationMeetings.heldAt', 'consultationMeetings.place', 'consultations.id as consultationId', 'consultations.title', 'consultations.areaCode', 'consultations.householdIds'])
      .where('consultationMeetings.id', '=', meetingId)
      .executeTakeFirst();
    if (!m) throw notFound();
    return m;
  }
  const isOpen = (heldAt: string) => localDate(new Date(heldAt)) === localDate(clock.now());
  const audienceOf = (m: { areaCode: string; householdIds: string }): Audience => ({ areaCode: m.areaCode, tagCodes: '', householdIds: JSON.parse(m.householdIds) as string[] });
  const subject = (meetingId: string) => `meeting:${meetingId}`;

  async function staffMeeting(actor: Actor, consultationId: string, meetingId: string) {
    const c = await consultations.visible(db, actor, consultationId);
    const m = await meetingOf(db, meetingId);
    if (m.consultationId !== c.id) throw notFound();
    return m;
  }

  return {
    /** The door page on the phone: what meeting this is; nothing personal. */
    async publicView(meetingId: string): Promise<PublicMeeting> {
      const m = await meetingOf(db, meetingId);
      const names = await repo.areaNames(db, [m.areaCode]);
      return { id: m.id, title: m.title, kind: m.kind as MeetingKind, heldAt: m.heldAt, place: m.place, areaName: names.get(m.areaCode) ?? m.areaCode, open: isOpen(m.heldAt) };
    },

    async requestCode(meetingId: string, phone: string) {
      const m = await meetingOf(db, meetingId);
      if (!isOpen(m.heldAt)) throw closed();
      return verifier.sendCode(subject(m.id), m.title, audienceOf(m), phone);
    },

    /** Signs the verified resident in, once. */
    async signIn(meetingId: string, body: { phone: string; code: string }): Promise<MeetingDoorSignIn> {
      const m = await meetingOf(db, meetingId);
      if (!isOpen(m.heldAt)) throw closed();
      const attempt = () =>
        db.transaction().execute(async (trx) => {
          const [member] = await verifier.verify(trx, subject(m.id), audienceOf(m), body.phone, body.code);
          return signInMember(trx, m.id, member);
        });
      try {
        return await attempt();
      } catch (e) {
        // Two scans of the same person at once: the unique index let one in; the other reads it.
        if (!isUniqueViolation(e)) throw e;
        const member = (await repo.membersByPhone(db, audienceOf(m), cipher.blindIndex(body.phone)))[0];
        const row = member && (await db.selectFrom('consultationAttendees').select(['nameMasked', 'signedInAt']).where('meetingId', '=', m.id).where('memberId', '=', member.id).executeTakeFirst());
        if (!row) throw e;
        return { name: row.nameMasked, alreadySignedIn: true, signedInAt: row.signedInAt as string };
      }
    },

    /** The door's QR code (the portal's sign-in page of this meeting). */
    async qr(actor: Actor, consultationId: string, meetingId: string) {
      const m = await staffMeeting(actor, consultationId, meetingId);
      return portalQr(publicBaseUrl, `meetings/${m.id}/sign-in`);
    },

    /** The sign-in list as staff follow it live at the door. */
    async signIns(actor: Actor, consultationId: string, meetingId: string): Promise<MeetingSignIns> {
      const m = await staffMeeting(actor, consultationId, meetingId);
      const rows = await db.selectFrom('consultationAttendees').select(['id', 'nameMasked', 'role', 'signedInAt', 'via']).where('meetingId', '=', m.id).orderBy('sort').execute();
      const names = await repo.areaNames(db, [m.areaCode]);
      return {
        meeting: { id: m.id, title: m.title, kind: m.kind as MeetingKind, heldAt: m.heldAt, place: m.place, areaName: names.get(m.areaCode) ?? m.areaCode, open: isOpen(m.heldAt) },
        attendees: rows.length,
        signedIn: rows.filter((r) => r.signedInAt).length,
        items: rows
          .map((r) => ({ id: r.id, name: r.nameMasked, role: r.role, signedInAt: r.signedInAt, via: (r.via === 'door' ? 'door' : 'staff') as 'door' | 'staff' }))
          .sort((a, b) => (b.signedInAt ?? '').localeCompare(a.signedInAt ?? '')),
        updatedAt: clock.now().toISOString(),
      };
    },
  };

  async function signInMember(trx: Transaction<DB>, meetingId: string, member: { id: string; householdId: string; nameEnc: string }): Promise<MeetingDoorSignIn> {
    const at = clock.now().toISOString();
    const name = cipher.decrypt(member.nameEnc);
    const mine = await trx.selectFrom('consultationAttendees').select(['id', 'nameMasked', 'signedInAt']).where('meetingId', '=', meetingId).where('memberId', '=', member.id).executeTakeFirst();
    if (mine?.signedInAt) return { name: mine.nameMasked, alreadySignedIn: true, signedInAt: mine.signedInAt };
    // Listed beforehand from the registry (household and name), not yet tied to a member.
    const listed = mine
      ? [mine]
      : (await trx.selectFrom('consultationAttendees').select(['id', 'nameMasked', 'signedInAt', 'nameEnc']).where('meetingId', '=', meetingId).where('householdId', '=', member.householdId).where('memberId', 'is', null).execute()).filter(
          (a) => cipher.decrypt(a.nameEnc) === name,
        );
    const row = listed[0];
    let result: MeetingDoorSignIn;
    let attendeeId: string;
    if (row) {
      attendeeId = row.id;
      // Signed in already by staff at the table: tie the member, keep the first time.
      await trx.updateTable('consultationAttendees').set({ memberId: member.id, signedInAt: row.signedInAt ?? at, via: row.signedInAt ? undefined : 'door' }).where('id', '=', row.id).execute();
      result = { name: row.nameMasked, alreadySignedIn: !!row.signedInAt, signedInAt: row.signedInAt ?? at };
    } else {
      const last = await trx.selectFrom('consultationAttendees').select((eb) => eb.fn.max('sort').as('sort')).where('meetingId', '=', meetingId).executeTakeFirst();
      attendeeId = randomUUID();
      const masked = (await trx.selectFrom('householdMembers').select('nameMasked').where('id', '=', member.id).executeTakeFirst())?.nameMasked ?? '';
      await trx
        .insertInto('consultationAttendees')
        .values({ id: attendeeId, meetingId, nameEnc: member.nameEnc, nameMasked: masked, householdId: member.householdId, role: null, signedInAt: at, optionId: null, sort: Number(last?.sort ?? -1) + 1, memberId: member.id, via: 'door' })
        .execute();
      result = { name: masked, alreadySignedIn: false, signedInAt: at };
    }
    if (!result.alreadySignedIn) await audit.append({ actorUserId: null, action: 'meeting_sign_in', subjectType: 'consultation_meeting', subjectId: meetingId, detail: { attendeeId, householdId: member.householdId, via: 'door' } }, trx);
    return result;
  }
}
export type MeetingDoor = ReturnType<typeof createMeetingDoor>;
