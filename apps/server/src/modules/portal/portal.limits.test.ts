import { describe, expect, it } from 'vitest';
import { suiteContext, REMOTE_ADDRESS } from '../../test/context.js';
import { freshIp, submission, submit } from './portal.test-support.js';
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

  it('limits guesses of the phone digits per tracking code, from however many addresses', async () => {
    const { code } = await submit(ctx, { phone: '13900001111' });
    for (let i = 0; i < PORTAL_LIMITS.trackPerCode.max - 1; i++) {
      expect((await ctx.anonymous().post('/api/public/track', { code, phoneLast4: String(2000 + i) }, freshIp())).statusCode).toBe(404);
    }
    expect((await ctx.anonymous().post('/api/public/track', { code, phoneLast4: '1111' }, freshIp())).statusCode).toBe(200);
    // The right digits no longer help once the code has had its tries.
    expect((await ctx.anonymous().post('/api/public/track', { code, phoneLast4: '1111' }, freshIp())).statusCode).toBe(429);
  });

  it('limits one-time codes per phone', async () => {
    const { code } = await submit(ctx, { phone: '13900002222' });
    for (let i = 0; i < PORTAL_LIMITS.otpPerPhone.max; i++) {
      expect((await ctx.anonymous().post('/api/public/track/otp', { code, phone: '13900002222' }, freshIp())).statusCode).toBe(202);
    }
    expect((await ctx.anonymous().post('/api/public/track/otp', { code, phone: '13900002222' }, freshIp())).statusCode).toBe(429);
  });
});
