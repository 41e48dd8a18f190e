import { describe, expect, it } from 'vitest';
import { suiteContext, REMOTE_ADDRESS } from '../../test/context.js';
import { deliverSms, freshIp, otpsIn, submission, submit } from './portal.test-support.js';
import { PORTAL_LIMITS } from './portal.limits.js';

const { ctx } = suiteContext();

describe('rate limits of the public API', () => {
  it('limits submissions per IP, with a problem+json 429 and Retry-After', async () => {
    const ip = { [REMOTE_ADDRESS]: '203.0.113.7' };
    for (let i = 0; i < PORTAL_LIMITS.submitPerIp.max; i++) {
      expect((await ctx.anonymous().post('/api/public/cases', submission(ctx), ip)).statusCode).toBe(201);
    }
    const refused = await ctx.anonymous().post('/api/public/cases', submission(ctx), ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json()).toMatchObject({ code: 'rate_limited', title: '操作过于频繁，请稍后再试' });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await ctx.anonymous().post('/api/public/cases', submission(ctx), freshIp())).statusCode).toBe(201);
  });

  it('limits submissions per phone, from however many addresses', async () => {
    const phone = '13912340000';
    for (let i = 0; i < PORTAL_LIMITS.submitPerPhone.max; i++) await submit(ctx, { phone });
    expect((await ctx.anonymous().post('/api/public/cases', submission(ctx, { phone }), freshIp())).statusCode).toBe(429);
    // Anonymous submissions carry no phone and are limited per address only.
    expect((await ctx.anonymous().post('/api/public/cases', submission(ctx, { anonymous: true, phone: undefined }), freshIp())).statusCode).toBe(201);
  });

  it('stops a guesser of 查询码 per (code, address) and per address, and never blocks the resident who holds the right one', async () => {
    const { code, secret } = await submit(ctx, { phone: '13900001111' });
    const guesser = { [REMOTE_ADDRESS]: '203.0.113.66' };
    const wrong = (i: number) => `WRNG${String(1000 + i).slice(-4)}`;
    const track = (body: { code: string; secret: string }, from: Record<string, string>) => ctx.anonymous().post('/api/public/track', body, from);

    // Five wrong guesses at one code from one address; the sixth attempt from there is refused, even the right 查询码.
    for (let i = 0; i < PORTAL_LIMITS.trackFailuresPerPair.max; i++) expect((await track({ code, secret: wrong(i) }, guesser)).statusCode).toBe(404);
    const refused = await track({ code, secret }, guesser);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    // Many more guesses at the same code from many addresses lock nobody but the guessers …
    for (let i = 0; i < 40; i++) expect((await track({ code, secret: wrong(i) }, freshIp())).statusCode).toBe(404);
    // … the resident, from their own address, opens the case at once.
    const resident = await track({ code, secret }, { [REMOTE_ADDRESS]: '192.0.2.10' });
    expect(resident.statusCode, resident.body).toBe(200);
    expect(resident.json().code).toBe(code);

    // An address that failed ten times (over any codes, here codes of no case) is refused for every code.
    const other = await submit(ctx, { phone: '13900001112' });
    const sprayer = { [REMOTE_ADDRESS]: '203.0.113.77' };
    for (let i = 0; i < PORTAL_LIMITS.trackFailuresPerIp.max; i++) {
      expect((await track({ code: `LX20260101-9999${String(i).padStart(2, '0')}`, secret: wrong(i) }, sprayer)).statusCode).toBe(404);
    }
    expect((await track({ code: other.code, secret: other.secret }, sprayer)).statusCode).toBe(429);
    expect((await track({ code: other.code, secret: other.secret }, freshIp())).statusCode).toBe(200);

    // An hour later the guesser's address may try again.
    ctx.clock.advance(PORTAL_LIMITS.trackFailuresPerPair.timeWindow);
    expect((await track({ code, secret }, guesser)).statusCode).toBe(200);
  });

  it('never lets wrong guesses from other addresses burn the resident’s SMS code', async () => {
    const phone = '13900003333';
    const { code } = await submit(ctx, { phone });
    expect((await ctx.anonymous().post('/api/public/track/otp', { code, phone }, freshIp())).statusCode).toBe(202);
    const [otp] = otpsIn((await deliverSms(ctx)).filter((m) => m.phone === phone));
    const wrong = otp === '000000' ? '111111' : '000000';
    // Thirty wrong guesses from fifteen addresses, two each.
    for (let i = 0; i < 30; i++) {
      const from = { [REMOTE_ADDRESS]: `203.0.114.${Math.floor(i / 2) + 1}` };
      expect((await ctx.anonymous().post('/api/public/track/verify', { code, otp: wrong }, from)).statusCode).toBe(404);
    }
    const ok = await ctx.anonymous().post('/api/public/track/verify', { code, otp }, freshIp());
    expect(ok.statusCode, ok.body).toBe(200);

    // The guessing address itself is stopped at five for this code.
    const guesser = { [REMOTE_ADDRESS]: '203.0.114.200' };
    for (let i = 0; i < 5; i++) expect((await ctx.anonymous().post('/api/public/track/verify', { code, otp: wrong }, guesser)).statusCode).toBe(404);
    expect((await ctx.anonymous().post('/api/public/track/verify', { code, otp: wrong }, guesser)).statusCode).toBe(429);
  });

  it('limits one-time codes per phone', async () => {
    const { code } = await submit(ctx, { phone: '13900002222' });
    for (let i = 0; i < PORTAL_LIMITS.otpPerPhone.max; i++) {
      expect((await ctx.anonymous().post('/api/public/track/otp', { code, phone: '13900002222' }, freshIp())).statusCode).toBe(202);
    }
    expect((await ctx.anonymous().post('/api/public/track/otp', { code, phone: '13900002222' }, freshIp())).statusCode).toBe(429);
  });
});
