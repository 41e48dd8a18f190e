import { describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';

const { ctx, registrar, dispatcher, leader } = suiteContext({ registrar: 'registrar', dispatcher: 'dispatcher', leader: 'leader' });

type Notice = { id: string; kind: string; caseId: string | null; target: { kind: string; id: string } | null; read: boolean; createdAt: string };

const register = async (overrides: Record<string, unknown> = {}) => (await registrar.post('/api/cases', caseInput(overrides))).json() as { id: string; code: string };
const dispatch = (id: string) => dispatcher.post(`/api/cases/${id}/dispatch`, { unitId: ctx.org.units['u-civil'] });
const smsTo = async (phone: string) => {
  const rows = await ctx.database.db.selectFrom('outbox').select(['recipientPhoneEnc', 'template', 'recipientUserId']).where('channel', '=', 'sms').execute();
  return rows.filter((r) => r.recipientPhoneEnc && ctx.cipher.decrypt(r.recipientPhoneEnc) === phone);
};

describe('the notification centre', () => {
  it('lists my notices with their kind and link, filters them, counts and marks them read', async () => {
    const first = await register();
    await dispatch(first.id);
    ctx.clock.advance(60_000); // newest first: the second case's notice comes first
    const second = await register();
    await dispatch(second.id);
    const list = (await registrar.get('/api/notifications')).json();
    const mine = list.items as Notice[];
    expect(mine.length).toBeGreaterThanOrEqual(2);
    expect(mine[0]).toMatchObject({ kind: 'step', caseId: second.id, target: { kind: 'case', id: second.id }, read: false });
    expect((await registrar.get('/api/notifications/unread-count')).json()).toEqual({ unread: mine.length });

    // Paging by offset: one at a time, the next offset until the end.
    const page1 = (await registrar.get('/api/notifications?limit=1')).json();
    expect(page1).toMatchObject({ items: [{ id: mine[0].id }], nextOffset: 1 });
    const last = (await registrar.get(`/api/notifications?limit=1&offset=${mine.length - 1}`)).json();
    expect(last.nextOffset).toBeNull();

    // Kind and period filters.
    expect((await registrar.get('/api/notifications?kind=risk')).json().items).toEqual([]);
    expect((await registrar.get('/api/notifications?kind=step')).json().items).toHaveLength(mine.length);
    expect((await registrar.get('/api/notifications?from=2026-03-02&to=2026-03-02')).json().items).toHaveLength(mine.length);
    expect((await registrar.get('/api/notifications?to=2026-03-01')).json().items).toEqual([]);
    expect((await registrar.get('/api/notifications?from=2026-03-03')).json().items).toEqual([]);
    expect((await registrar.get('/api/notifications?kind=nonsense')).statusCode).toBe(400);

    // One read, then read / unread filters and the count follow.
    expect((await registrar.post(`/api/notifications/${mine[0].id}/read`)).statusCode).toBe(204);
    expect((await registrar.get('/api/notifications/unread-count')).json()).toEqual({ unread: mine.length - 1 });
    expect((await registrar.get('/api/notifications?unread=false')).json().items.map((n: Notice) => n.id)).toEqual([mine[0].id]);
    expect((await registrar.get('/api/notifications?unread=true')).json().items).toHaveLength(mine.length - 1);

    // Someone else's notices are not theirs to read or to mark.
    expect((await dispatcher.post(`/api/notifications/${mine[1].id}/read`)).statusCode).toBe(404);
    expect((await dispatcher.post('/api/notifications/read-all')).json()).toEqual({ marked: 0 });
    expect((await registrar.get('/api/notifications/unread-count')).json()).toEqual({ unread: mine.length - 1 });

    expect((await registrar.post('/api/notifications/read-all')).json()).toEqual({ marked: mine.length - 1 });
    expect((await registrar.get('/api/notifications/unread-count')).json()).toEqual({ unread: 0 });
    expect((await ctx.anonymous().get('/api/notifications/unread-count')).statusCode).toBe(401);
  });

  it('links a notice to any kind of record, and gives it the kind its template names', async () => {
    const userId = ctx.org.users.supervisor;
    await ctx.database.db.transaction().execute(async (trx) => {
      const notifier = ctx.app.services.notifier;
      await notifier.notice(trx, [userId], 'notice.alert', { kind: 'hotspot', title: '东门社区', count: 5 }, { target: { kind: 'alert', id: 'alert-1' } });
      // A module that adds a kind: its template `notice.supervision…` and its own record as the target.
      await notifier.notice(trx, [userId], 'notice.step' as never, { code: 'X', action: 'dispatch' }, { caseId: 'case-9', target: { kind: 'supervision', id: 'order-7' }, kind: 'supervision' });
    });
    const items = (await (await ctx.as('supervisor')).get('/api/notifications')).json().items as Notice[];
    expect(items.find((n) => n.target?.kind === 'alert')).toMatchObject({ kind: 'alert', caseId: null, target: { kind: 'alert', id: 'alert-1' }, text: '预警（热点聚集）：东门社区，涉及5件诉求，请关注' });
    expect(items.find((n) => n.target?.kind === 'supervision')).toMatchObject({ kind: 'supervision', caseId: 'case-9', target: { kind: 'supervision', id: 'order-7' } });
  });

  it('sends a notice by SMS too only where the user chose it (risk by default, steps not)', async () => {
    const leaderPhone = '13907980001';
    const registrarPhone = '13907980002';
    await ctx.database.db.updateTable('users').set({ phoneEnc: ctx.cipher.encrypt(leaderPhone) }).where('id', '=', ctx.org.users.leader).execute();
    await ctx.database.db.updateTable('users').set({ phoneEnc: ctx.cipher.encrypt(registrarPhone) }).where('id', '=', ctx.org.users.registrar).execute();

    const defaults = (await leader.get('/api/notifications/preferences')).json();
    expect(defaults.hasPhone).toBe(true);
    expect(defaults.items).toContainEqual({ kind: 'risk', sms: true });
    expect(defaults.items).toContainEqual({ kind: 'supervision', sms: true });
    expect(defaults.items).toContainEqual({ kind: 'step', sms: false });

    // A case with extreme-risk words: the leader's notice goes by SMS as well, the registrar's step does not.
    const risky = await register({ content: '拖欠工资半年，再不解决就去跳楼' });
    await dispatch(risky.id);
    expect((await smsTo(leaderPhone)).map((s) => s.template)).toEqual(['notice.risk']);
    expect(await smsTo(registrarPhone)).toEqual([]);
    expect((await smsTo(leaderPhone))[0].recipientUserId).toBeNull(); // an SMS is not a notice in their list

    // The leader turns risk SMS off, the registrar turns step SMS on.
    const saved = (await leader.put('/api/notifications/preferences', { items: [{ kind: 'risk', sms: false }] })).json();
    expect(saved.items).toContainEqual({ kind: 'risk', sms: false });
    expect(saved.items).toContainEqual({ kind: 'supervision', sms: true });
    await registrar.put('/api/notifications/preferences', { items: [{ kind: 'step', sms: true }] });
    expect((await registrar.get('/api/notifications/preferences')).json().items).toContainEqual({ kind: 'step', sms: true });

    const again = await register({ content: '拖欠工资半年，再不解决就去跳楼' });
    await dispatch(again.id);
    expect(await smsTo(leaderPhone)).toHaveLength(1);
    expect((await smsTo(registrarPhone)).map((s) => s.template)).toEqual(['notice.step']);

    // Bad input changes nothing.
    const bad = await leader.put('/api/notifications/preferences', { items: [{ kind: 'risk', sms: true }, { kind: 'nonsense', sms: true }] });
    expect(bad.statusCode).toBe(400);
    const twice = await leader.put('/api/notifications/preferences', { items: [{ kind: 'risk', sms: true }, { kind: 'risk', sms: false }] });
    expect(twice.statusCode).toBe(400);
    expect((await leader.get('/api/notifications/preferences')).json().items).toContainEqual({ kind: 'risk', sms: false });
  });
});
