import { expect } from 'vitest';
import type { Client, TestContext } from '../../test/context.js';

// A 1×1 PNG.
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex');

/** Uploads a photo as `client` (POST /api/attachments) and returns its id. */
export async function uploadPhoto(client: Client, fileName = '户口簿.png'): Promise<string> {
  const boundary = '----lianxin-service';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: image/png\r\n\r\n`);
  const body = Buffer.concat([head, PNG, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const res = await client.post('/api/attachments', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

/** A catalogue entry as an administrator writes it; township 低保 with collective approval by default. */
export function itemInput(ctx: TestContext, overrides: Record<string, unknown> = {}) {
  return {
    code: `DB-${Math.random().toString(36).slice(2, 6).toUpperCase()}`,
    name: '最低生活保障申请',
    category: '社会救助',
    level: 'township',
    unitId: ctx.org.units['u-townA'],
    materials: [
      { name: '户口簿', example: '全家户口簿首页及本人页' },
      { name: '身份证', example: '申请人身份证正反面' },
      { name: '收入证明', example: '家庭成员近6个月收入' },
    ],
    conditions: '家庭人均收入低于当地最低生活保障标准，且符合财产状况规定',
    limitDays: 20,
    limitUnit: 'working_days',
    fee: '不收费',
    proxyAllowed: true,
    needsCollective: true,
    publicityDays: 7,
    quorumPercent: 67,
    voteRule: 'simple',
    active: true,
    ...overrides,
  };
}

/** Creates a catalogue entry and returns it. */
export async function createItem(ctx: TestContext, admin: Client, overrides: Record<string, unknown> = {}) {
  const res = await admin.post('/api/service-items', itemInput(ctx, overrides));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string };
}

/** An application body: 张三丰 of 东门社区, by a proxy. */
export function applyInput(ctx: TestContext, itemId: string, overrides: Record<string, unknown> = {}) {
  return {
    itemId,
    channel: 'proxy',
    areaCode: ctx.org.areas.villageA1,
    applicantName: '张三丰',
    applicantPhone: '13900001111',
    applicantIdNumber: '36990119600101123X',
    summary: '张三丰因病丧失劳动能力，家庭无稳定收入，申请低保。',
    materials: [
      { name: '户口簿', state: 'present' },
      { name: '身份证', state: 'present' },
      { name: '收入证明', state: 'missing' },
    ],
    ...overrides,
  };
}

/** The SMS sent about applications, newest last (decrypted phone not needed: the template and params). */
export async function smsTemplates(ctx: TestContext, number: string) {
  const rows = await ctx.database.db.selectFrom('outbox').select(['template', 'params', 'channel']).where('channel', '=', 'sms').orderBy('createdAt').execute();
  return rows.filter((r) => (JSON.parse(r.params ?? '{}') as { number?: string }).number === number).map((r) => r.template);
}

export const step = (client: Client, id: string, body: Record<string, unknown>) => client.post(`/api/service-applications/${id}/steps`, body);
