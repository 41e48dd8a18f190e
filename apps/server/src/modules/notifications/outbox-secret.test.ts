import { describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { caseIdOf, deliverSms, freshIp, otpsIn, submit } from '../portal/portal.test-support.js';

const { ctx } = suiteContext();

const smsRows = (caseId: string) => ctx.database.db.selectFrom('outbox').selectAll().where('caseId', '=', caseId).where('channel', '=', 'sms').execute();
const otpRow = async (caseId: string) => (await smsRows(caseId)).filter((r) => r.template === 'sms.otp');
/** Every column of every row, as text: where a code in clear would show. */
const columnsOf = (rows: object[]) => rows.flatMap((r) => Object.values(r).map((v) => String(v ?? '')));

describe('one-time codes in the outbox', () => {
  it('keeps the code masked in every readable column; only the gateway gets it, and then it is gone', async () => {
    const phone = '13907985501';
    const { code } = await submit(ctx, { phone });
    const id = await caseIdOf(ctx, code);
    expect((await ctx.anonymous().post('/api/public/track/otp', { code, phone }, freshIp())).statusCode).toBe(202);

    const before = await smsRows(id);
    const [pending] = await otpRow(id);
    expect(pending.status).toBe('pending');
    expect(pending.body).toContain('验证码为******');
    expect(JSON.parse(pending.params!)).toMatchObject({ otp: '******' });
    expect(pending.secretEnc).toBeTruthy();

    const sent = await deliverSms(ctx);
    const [otp] = otpsIn(sent.filter((m) => m.phone === phone));
    expect(otp).toMatch(/^\d{6}$/);
    // Before delivery, no column of the case's messages held the code in clear.
    expect(columnsOf(before).filter((v) => v.includes(otp))).toEqual([]);

    // After delivery: still masked, and the encrypted code is cleared.
    const after = await smsRows(id);
    expect(columnsOf(after).filter((v) => v.includes(otp))).toEqual([]);
    expect((await otpRow(id))[0]).toMatchObject({ status: 'sent', secretEnc: null });
    expect(after.every((r) => r.secretEnc === null)).toBe(true);

    // The outbox list shows the masked text only, and no secret field.
    const listed = (await (await ctx.as('admin')).get(`/api/outbox?caseId=${id}`)).json().items as Array<Record<string, unknown>>;
    const listedOtp = listed.find((m) => m.template === 'sms.otp')!;
    expect(listedOtp.body).toContain('验证码为******');
    expect(Object.keys(listedOtp)).not.toContain('secretEnc');
    expect(JSON.stringify(listed)).not.toContain(otp);

    // The code the resident received verifies.
    const verified = await ctx.anonymous().post('/api/public/track/verify', { code, otp }, freshIp());
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json().code).toBe(code);
  });

  it('does not send an expired code, and drops it', async () => {
    const phone = '13907985502';
    const { code } = await submit(ctx, { phone });
    const id = await caseIdOf(ctx, code);
    await deliverSms(ctx); // the acceptance SMS
    expect((await ctx.anonymous().post('/api/public/track/otp', { code, phone }, freshIp())).statusCode).toBe(202);
    ctx.clock.advance(11 * 60_000);
    try {
      const sent = await deliverSms(ctx);
      expect(otpsIn(sent.filter((m) => m.phone === phone))).toEqual([]);
    } finally {
      ctx.clock.advance(-11 * 60_000);
    }
    expect((await otpRow(id))[0]).toMatchObject({ status: 'failed', secretEnc: null, sentAt: null });
  });
});
