import { describe, expect, it } from 'vitest';
import { chinaDateTime, chinaInstant, chinaParts, isOpenForBooking, nextStatuses, sessionChanges, sessionState, sessionWhen, splitSessions } from './reception-logic';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const session = (startsAt: string, endsAt: string, extra: Partial<{ id: string; isPublished: boolean; isCancelled: boolean }> = {}) => ({ id: extra.id ?? startsAt, startsAt, endsAt, isPublished: true, isCancelled: false, ...extra });

describe('China time', () => {
  it('reads instants in China time whatever the browser zone', () => {
    // 2026-03-11T17:30Z is Thursday 01:30 on the 12th in China.
    expect(chinaParts('2026-03-11T17:30:00.000Z')).toEqual({ date: '2026-03-12', time: '01:30', weekday: 4 });
    expect(chinaDateTime('2026-03-11T17:30:00.000Z')).toBe('2026-03-12 01:30');
  });

  it('writes a China-time date and clock time as a UTC instant', () => {
    expect(chinaInstant('2026-03-12', '09:00')).toBe('2026-03-12T01:00:00.000Z');
    expect(chinaInstant('2026-03-12', '07:30')).toBe('2026-03-11T23:30:00.000Z');
  });

  it('shows a session’s time on one line, the end date only when it differs', () => {
    expect(sessionWhen({ startsAt: '2026-03-12T01:00:00.000Z', endsAt: '2026-03-12T03:30:00.000Z' }, WEEKDAYS)).toBe('2026-03-12 周四 09:00–11:30');
    expect(sessionWhen({ startsAt: '2026-03-12T12:00:00.000Z', endsAt: '2026-03-12T17:00:00.000Z' }, WEEKDAYS)).toBe('2026-03-12 周四 20:00–2026-03-13 01:00');
  });
});

describe('sessions', () => {
  const now = new Date('2026-03-12T02:00:00.000Z');

  it('knows their state now', () => {
    expect(sessionState(session('2026-03-12T01:00:00.000Z', '2026-03-12T03:00:00.000Z'), now)).toBe('ongoing');
    expect(sessionState(session('2026-03-10T01:00:00.000Z', '2026-03-10T03:00:00.000Z'), now)).toBe('ended');
    expect(sessionState(session('2026-03-19T01:00:00.000Z', '2026-03-19T03:00:00.000Z'), now)).toBe('published');
    expect(sessionState(session('2026-03-19T01:00:00.000Z', '2026-03-19T03:00:00.000Z', { isPublished: false }), now)).toBe('draft');
    expect(sessionState(session('2026-03-19T01:00:00.000Z', '2026-03-19T03:00:00.000Z', { isCancelled: true }), now)).toBe('cancelled');
  });

  it('take appointments until they end, unless cancelled', () => {
    expect(isOpenForBooking(session('2026-03-12T01:00:00.000Z', '2026-03-12T03:00:00.000Z'), now)).toBe(true);
    expect(isOpenForBooking(session('2026-03-12T01:00:00.000Z', '2026-03-12T02:00:00.000Z'), now)).toBe(false);
    expect(isOpenForBooking(session('2026-03-19T01:00:00.000Z', '2026-03-19T03:00:00.000Z', { isCancelled: true }), now)).toBe(false);
  });

  it('split into upcoming (soonest first, the ongoing one included) and past (latest first)', () => {
    const items = [
      session('2026-03-19T01:00:00.000Z', '2026-03-19T03:00:00.000Z'),
      session('2026-03-05T01:00:00.000Z', '2026-03-05T03:00:00.000Z'),
      session('2026-03-12T01:00:00.000Z', '2026-03-12T03:00:00.000Z'),
      session('2026-02-26T01:00:00.000Z', '2026-02-26T03:00:00.000Z'),
    ];
    const { upcoming, past } = splitSessions(items, now);
    expect(upcoming.map((s) => s.startsAt.slice(0, 10))).toEqual(['2026-03-12', '2026-03-19']);
    expect(past.map((s) => s.startsAt.slice(0, 10))).toEqual(['2026-03-05', '2026-02-26']);
  });
});

describe('appointments and cases', () => {
  it('move on as the server allows', () => {
    expect(nextStatuses('requested')).toEqual(['confirmed', 'done', 'cancelled']);
    expect(nextStatuses('confirmed')).toEqual(['done', 'cancelled']);
    expect(nextStatuses('done')).toEqual([]);
    expect(nextStatuses('cancelled')).toEqual([]);
  });

  it('send only what changed when a session is edited', () => {
    const before = { place: '接待室', topic: null, capacity: 8, isPublished: false };
    expect(sessionChanges(before, { place: ' 接待室 ', topic: '', capacity: 8, isPublished: false })).toEqual({});
    expect(sessionChanges(before, { place: '二楼会议室', topic: '征地拆迁专场', capacity: 10, isPublished: true })).toEqual({ place: '二楼会议室', topic: '征地拆迁专场', capacity: 10, isPublished: true });
    expect(sessionChanges({ ...before, topic: '旧主题' }, { place: '接待室', topic: '  ', capacity: 8, isPublished: false })).toEqual({ topic: null });
  });
});
