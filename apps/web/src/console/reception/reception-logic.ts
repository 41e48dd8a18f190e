import { APPOINTMENT_NEXT, type AppointmentStatus, type ReceptionSessionUpdate, type ReceptionSessionView as ReceptionSession } from '@lianxin/core';

/**
 * Reception days are held in China: times are read and written in China time (UTC+8, no daylight
 * saving since 1991) whatever zone the browser is set to, so a schedule reads the same everywhere.
 */
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The China-time date, time and weekday (0 = Sunday) of an instant. */
export function chinaParts(iso: string): { date: string; time: string; weekday: number } {
  const shifted = new Date(new Date(iso).getTime() + CHINA_OFFSET_MS);
  const text = shifted.toISOString();
  return { date: text.slice(0, 10), time: text.slice(11, 16), weekday: shifted.getUTCDay() };
}

/** "2026-03-12 09:00" in China time. */
export function chinaDateTime(iso: string): string {
  const { date, time } = chinaParts(iso);
  return `${date} ${time}`;
}

/** The instant of a China-time date (YYYY-MM-DD) and clock time (HH:mm), as the API takes it. */
export function chinaInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

/** "2026-03-12 周四 09:00–11:30" (the weekday names come from the page's language). */
export function sessionWhen(s: Pick<ReceptionSession, 'startsAt' | 'endsAt'>, weekdays: readonly string[]): string {
  const start = chinaParts(s.startsAt);
  const end = chinaParts(s.endsAt);
  const endText = end.date === start.date ? end.time : `${end.date} ${end.time}`;
  return `${start.date} ${weekdays[start.weekday]} ${start.time}–${endText}`;
}

export type SessionState = 'cancelled' | 'ended' | 'ongoing' | 'draft' | 'published';

/** What a session is now: cancelled and ended come first; unpublished sessions are drafts. */
export function sessionState(s: Pick<ReceptionSession, 'startsAt' | 'endsAt' | 'isPublished' | 'isCancelled'>, now: Date): SessionState {
  if (s.isCancelled) return 'cancelled';
  const t = now.toISOString();
  if (s.endsAt <= t) return 'ended';
  if (s.startsAt <= t) return 'ongoing';
  return s.isPublished ? 'published' : 'draft';
}

/** Appointments can still be taken: not cancelled and not over (the server refuses otherwise). */
export const isOpenForBooking = (s: Pick<ReceptionSession, 'endsAt' | 'isCancelled'>, now: Date): boolean => !s.isCancelled && s.endsAt > now.toISOString();

/** Upcoming (and ongoing) sessions soonest first; past ones latest first. */
export function splitSessions<T extends Pick<ReceptionSession, 'id' | 'startsAt' | 'endsAt'>>(items: readonly T[], now: Date): { upcoming: T[]; past: T[] } {
  const t = now.toISOString();
  const byStart = [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  return { upcoming: byStart.filter((s) => s.endsAt > t), past: byStart.filter((s) => s.endsAt <= t).reverse() };
}

/** Where an appointment may go next — the server's rule (`APPOINTMENT_NEXT` in core). */
export const nextStatuses = (status: AppointmentStatus): Array<Exclude<AppointmentStatus, 'requested'>> => [...APPOINTMENT_NEXT[status]];

/** The editable fields that changed (PATCH takes place, topic, capacity and publishing only). */
export function sessionChanges(
  before: Pick<ReceptionSession, 'place' | 'topic' | 'capacity' | 'isPublished'>,
  after: { place: string; topic?: string | null; capacity: number; isPublished: boolean },
): Omit<ReceptionSessionUpdate, 'isCancelled'> {
  const out: Omit<ReceptionSessionUpdate, 'isCancelled'> = {};
  const place = after.place.trim();
  const topic = after.topic?.trim() || null;
  if (place !== before.place) out.place = place;
  if (topic !== (before.topic ?? null)) out.topic = topic;
  if (after.capacity !== before.capacity) out.capacity = after.capacity;
  if (after.isPublished !== before.isPublished) out.isPublished = after.isPublished;
  return out;
}
