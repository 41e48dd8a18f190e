import sharp from 'sharp';
import { type Client, REMOTE_ADDRESS, type TestContext } from '../../test/context.js';
import { deliverOutbox } from '../notifications/outbox-delivery.js';
import type { SmsGateway } from '../notifications/sms-gateway.js';

/** A real JPEG photo with EXIF (camera make and GPS), as a phone would send. */
export async function phonePhoto(): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Make: 'TestPhone', Model: 'X1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '27/1 54/1 0/1' } })
    .toBuffer();
}

/** A multipart body with one file in field `file`. */
export function multipart(fileName: string, data: Buffer, type = 'image/jpeg') {
  const boundary = '----lianxin-portal-test';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

let ipCounter = 0;
/** A fresh client address per call, so per-IP limits do not mix tests up. */
export const freshIp = () => ({ [REMOTE_ADDRESS]: `198.51.100.${(ipCounter++ % 250) + 1}` });

let phoneCounter = 0;
/** A phone number of its own for each submission (the per-phone limit allows five a day). */
export const nextPhone = () => `1370000${String(1000 + (phoneCounter++ % 9000))}`;

/** A valid submission, overridable field by field. */
export function submission(ctx: TestContext, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'help',
    categoryCode: 'social.dibao',
    description: '家里老人生病住院，申请低保三个月了还没有消息，希望帮忙问一下进度。',
    areaCode: ctx.org.areas.villageA1,
    name: '张秀英',
    phone: nextPhone(),
    publicConsent: true,
    ...overrides,
  };
}

/** Submits as a resident from a fresh address and returns the JSON answer (expects 201). */
export async function submit(ctx: TestContext, overrides: Record<string, unknown> = {}) {
  const response = await ctx.anonymous().post('/api/public/cases', submission(ctx, overrides), freshIp());
  if (response.statusCode !== 201) throw new Error(`submit: ${response.statusCode} ${response.body}`);
  return response.json() as { code: string; accessToken: string; secret: string; status: string; smsSent: boolean };
}

/** The case id of a tracking code. */
export async function caseIdOf(ctx: TestContext, code: string): Promise<string> {
  return (await ctx.database.db.selectFrom('cases').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

/** Dispatches to 民政局, accepts and replies, as staff do. */
export async function answer(ctx: TestContext, staff: Client, caseId: string, reply = '经核查，您的低保申请已审核通过，将于下月发放。') {
  for (const [path, body] of [
    ['dispatch', { unitId: ctx.org.units['u-civil'] }],
    ['accept', {}],
    ['reply', { reply, solved: true }],
  ] as const) {
    const response = await staff.post(`/api/cases/${caseId}/${path}`, body);
    if (response.statusCode !== 200) throw new Error(`${path}: ${response.statusCode} ${response.body}`);
  }
}

/** One SMS as the gateway received it. */
export interface SentSms {
  id: string;
  phone: string;
  body: string;
}

/**
 * Runs the outbox delivery through a gateway that records what it is handed (the only place a
 * one-time code is in clear) until nothing is pending, and returns the messages it received.
 */
export async function deliverSms(ctx: TestContext): Promise<SentSms[]> {
  const sent: SentSms[] = [];
  const smsGateway: SmsGateway = {
    name: 'test-recorder',
    async deliver(message) {
      sent.push({ ...message });
      return 'sent';
    },
  };
  for (;;) {
    const counts = await deliverOutbox({ db: ctx.database.db, cipher: ctx.cipher, clock: ctx.clock, smsGateway });
    if (counts.delivered + counts.failed === 0) return sent;
  }
}

/** The one-time codes in SMS the gateway received. */
export const otpsIn = (sent: readonly SentSms[]) => sent.flatMap((m) => /验证码为(\d{6})/.exec(m.body)?.[1] ?? []);
