import { describe, expect, it } from 'vitest';
import { caseInput } from '../../test/fixtures.js';
import { suiteContext } from '../../test/context.js';

const { ctx } = suiteContext();

describe('the main path of a case', () => {
  it('goes registered → assigned → handling → replied → evaluated → closed with every event', async () => {
    const registrar = await ctx.as('registrar');
    const dispatcher = await ctx.as('dispatcher');
    const handler = await ctx.as('handler');

    const created = await registrar.post('/api/cases', caseInput());
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c.code).toMatch(/^LX20260302-\d{6}$/);
    expect(c.status).toBe('registered');
    expect(c.requester.phone).toBe('139****1234');
    expect(c.clock.level).toBe('normal');

    const dispatched = await dispatcher.post(`/api/cases/${c.id}/dispatch`, { unitId: ctx.org.units['u-civil'] });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    expect(dispatched.json().status).toBe('assigned');

    const accepted = await handler.post(`/api/cases/${c.id}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe("handling");
    const replied = await handler.post(`/api/cases/${c.id}/reply`, { reply: '经核查，您家符合低保条件，已于本周上报审批。', solved: true });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json().status).toBe('replied');

    const sms = await ctx.database.db.selectFrom('outbox').selectAll().where('caseId', '=', c.id).where('channel', '=', 'sms').orderBy('createdAt').execute();
    expect(sms.map((m) => m.template).sort()).toEqual(['sms.registered', 'sms.replied']);
    expect(sms.find((m) => m.template === 'sms.registered')!.body).toContain(c.code);
    const link = /\/m\/evaluate\/(\S+)/.exec(sms.find((m) => m.template === 'sms.replied')!.body)![1];

    const view = await ctx.anonymous().get(`/api/public/evaluations/${link}`);
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json().reply).toContain('符合低保条件');
    const rated = await ctx.anonymous().post(`/api/public/evaluations/${link}`, { result: 'satisfied', solved: true });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json().status).toBe('closed');

    const detail = (await dispatcher.get(`/api/cases/${c.id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual(['register', 'dispatch', 'accept', 'reply', 'evaluate', 'close']);
    expect(detail.evaluation).toMatchObject({ result: 'satisfied', solved: true, channel: 'link' });
    // The answer stays in the history even when a later reply replaces the current one.
    expect(detail.events.find((e: { action: string }) => e.action === 'reply').note).toBe('经核查，您家符合低保条件，已于本周上报审批。');
  });
});
