import { describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';
import { deliverOutbox } from './outbox-delivery.js';
import type { SmsGateway } from './sms-gateway.js';

const { ctx } = suiteContext();

describe('notices and the SMS outbox', () => {
  it('shows the first-contact registrar each step in their language and marks it read', async () => {
    const registrar = await ctx.as('registrar');
    const created = (await registrar.post('/api/cases', caseInput())).json();
    await (await ctx.as('dispatcher')).post(`/api/cases/${created.id}/dispatch`, { unitId: ctx.org.units['u-civil'] });
    const zh = (await registrar.get('/api/notifications?unread=true')).json().items;
    expect(zh[0]).toMatchObject({ caseId: created.id, read: false, text: `诉求件${created.code}：交办` });
    const en = (await registrar.get('/api/notifications', { 'x-lianxin-locale': 'en-US' })).json().items;
    expect(en[0].text).toBe(`Case ${created.code}: Dispatch`);
    expect((await registrar.post(`/api/notifications/${zh[0].id}/read`)).statusCode).toBe(204);
    expect((await registrar.get('/api/notifications?unread=true')).json().items.map((n: { id: string }) => n.id)).not.toContain(zh[0].id);
    expect((await (await ctx.as('dispatcher')).post(`/api/notifications/${zh[0].id}/read`)).statusCode).toBe(404);
  });

  it('delivers SMS through the gateway, keeps failures for a retry, and lists them masked', async () => {
    const created = (await (await ctx.as('registrar')).post('/api/cases', caseInput({ requester: { name: '邓文', phone: '13607985678' } }))).json();
    const sent: string[] = [];
    let fail = true;
    const flaky: SmsGateway = {
      name: 'flaky',
      async deliver(message) {
        if (fail) throw new Error('gateway down');
        sent.push(`${message.phone}:${message.body}`);
        return 'sent';
      },
    };
    const deps = { db: ctx.database.db, cipher: ctx.cipher, clock: ctx.clock, smsGateway: flaky };
    expect((await deliverOutbox(deps)).failed).toBeGreaterThan(0);
    fail = false;
    await deliverOutbox(deps);
    expect(sent.some((s) => s.startsWith('13607985678:') && s.includes(created.code))).toBe(true);

    const outbox = (await (await ctx.as('admin')).get(`/api/outbox?caseId=${created.id}`)).json().items;
    expect(outbox[0]).toMatchObject({ phone: '136****5678', status: 'sent', attempts: 2, template: 'sms.registered' });
    expect((await (await ctx.as('registrar')).get('/api/outbox')).statusCode).toBe(403);
  });
});
