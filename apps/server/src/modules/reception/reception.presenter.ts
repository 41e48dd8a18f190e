import { type Contract, maskName, maskPhone, type PublicReceptionSessionSchema, type ReceptionAppointmentViewSchema, type ReceptionSessionViewSchema } from '@lianxin/core';
import type { ReceptionAppointmentTable } from '../../db/field-work.tables.js';
import type { SessionView } from './reception.repository.js';

/** When and where a session is and how many it receives, the same for staff and the public. */
const slotOf = (s: SessionView) => ({ startsAt: s.startsAt, endsAt: s.endsAt, place: s.place, topic: s.topic, capacity: s.capacity });

/** A session as staff see it. */
export const presentSession = (s: SessionView): Contract<typeof ReceptionSessionViewSchema> => ({
  id: s.id,
  leader: { id: s.leaderUserId, name: s.leaderName },
  areaCode: s.areaCode,
  areaName: s.areaName,
  ...slotOf(s),
  booked: Number(s.booked),
  isPublished: !!s.isPublished,
  isCancelled: !!s.isCancelled,
});

/**
 * The public schedule: when, where, who receives and how many places remain — no appointment,
 * requester or case data of any kind.
 */
export const presentPublicSession = (s: SessionView): Contract<typeof PublicReceptionSessionSchema> => ({
  id: s.id,
  leaderName: s.leaderName,
  areaName: s.areaName,
  ...slotOf(s),
  available: Math.max(0, s.capacity - Number(s.booked)),
});

/** An appointment with its requester masked; `decrypt` opens the stored name and phone. */
export const presentAppointment = (a: ReceptionAppointmentTable, decrypt: (value: string) => string): Contract<typeof ReceptionAppointmentViewSchema> => ({
  id: a.id,
  name: maskName(decrypt(a.nameEnc)),
  phone: maskPhone(decrypt(a.phoneEnc)),
  matter: a.matter,
  status: a.status,
  channel: a.channel,
  caseId: a.caseId,
  createdAt: a.createdAt,
});
