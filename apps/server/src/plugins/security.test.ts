import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { suiteContext } from '../test/context.js';
import { FIXTURE_PASSWORD } from '../test/fixtures.js';

const { ctx } = suiteContext();

describe('security headers', () => {
  it('sends a content security policy, no framing, no referrer on every answer', async () => {
    for (const url of ['/api/health', '/api/cases', '/nowhere']) {
      const res = await ctx.anonymous().get(url);
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
    }
  });
});

describe('errors before the routes', () => {
  it('answers an over-long path parameter with problem+json 414 that does not echo the path', async () => {
    const staff = await ctx.as('dispatcher');
    const res = await staff.get(`/api/cases/${'x'.repeat(5000)}`, { 'accept-language': 'en-US' });
    expect(res.statusCode).toBe(414);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 414, code: 'uri_too_long', title: 'The address of the request is too long' });
    expect(res.body).not.toContain('xxxxxxxxxx');
  });

  it('answers headers or a query over 16 KB with problem+json 431', async () => {
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = ctx.app.server.address() as { port: number };
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(`GET /api/cases?q=${'a'.repeat(17_000)} HTTP/1.1\r\nHost: x\r\nAccept-Language: zh-CN\r\n\r\n`));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString('utf8')));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 431/);
    expect(answer).toContain('application/problem+json');
    expect(answer).toContain('请求头或查询条件过长');
  });
});

describe('per-address limits', () => {
  it('cannot be dodged with a made-up X-Forwarded-For (no proxy is trusted by default)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      // The right password: a wrong one meets the name's own limit (429 from the 6th failure) first.
      const res = await ctx.anonymous().post('/api/auth/login', { username: 'supervisor', password: FIXTURE_PASSWORD }, { 'x-forwarded-for': `10.0.${i}.${i}` });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});

describe('files on disk', () => {
  it('keeps the SQLite database, its WAL and the data key readable by the owner only', async () => {
    const { mkdtempSync, rmSync, statSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { createDatabase } = await import('../db/database.js');
    const { migrateToLatest } = await import('../db/migrate.js');
    const { loadMasterKey } = await import('../security/cipher.js');
    const dir = mkdtempSync(join(tmpdir(), 'lianxin-modes-'));
    try {
      const database = createDatabase({ url: join(dir, 'data', 'lianxin.sqlite') });
      await migrateToLatest(database.db);
      loadMasterKey(join(dir, 'data'));
      const mode = (file: string) => statSync(join(dir, 'data', file)).mode & 0o777;
      expect(mode('lianxin.sqlite')).toBe(0o600);
      expect(mode('lianxin.sqlite-wal')).toBe(0o600);
      expect(mode('secret.key')).toBe(0o600);
      expect(statSync(join(dir, 'data')).mode & 0o077).toBe(0);
      await database.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('text no database can store', () => {
  it('is a 400 naming the field, and changes nothing, on either database', async () => {
    const { caseInput } = await import('../test/fixtures.js');
    const login = await ctx.anonymous().post('/api/auth/login', { username: 'dispatcher\u0000', password: 'x' });
    expect(login.statusCode).toBe(400);
    expect(login.json()).toMatchObject({ code: 'validation', errors: [{ field: 'username' }] });

    const staff = await ctx.as('registrar');
    const count = async () => Number((await ctx.database.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    for (const content of ['路灯坏了\u0000', '路灯坏了\uD800', '路灯\uDC00坏了']) {
      const res = await staff.post('/api/cases', caseInput({ content }));
      expect(res.statusCode, content).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].field).toBe('content');
    }
    expect(await count()).toBe(before);
    // A pair of surrogates is one real character (an emoji) and is kept.
    expect((await staff.post('/api/cases', caseInput({ content: '路灯坏了😀' }))).statusCode).toBe(201);

    const filter = await staff.get('/api/cases?q=%00');
    expect(filter.statusCode).toBe(400);
    expect(filter.json().errors[0].field).toBe('q');
  });
});

describe('numbers and lists a column cannot take', () => {
  it('are a 400 naming the field on either database', async () => {
    const admin = await ctx.as('admin');
    const audit = await admin.get('/api/admin/audit?before=2147483648');
    expect(audit.statusCode).toBe(400);
    expect(audit.json().errors[0].field).toBe('before');
    const cards = await admin.get('/api/contact-cards.pdf?households=,');
    expect(cards.statusCode).toBe(400);
    expect(cards.json().errors[0].field).toBe('households');
  });
});

/** A tiny PNG whose header declares 20,000 × 20,000 pixels (400 megapixels): a decompression bomb. */
async function pngBomb(): Promise<Buffer> {
  const { crc32, deflateSync } = await import('node:zlib');
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(20_000, 0);
  ihdr.writeUInt32BE(20_000, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(1000))), chunk('IEND', Buffer.alloc(0))]);
}

describe('images with too many pixels', () => {
  it('are refused with a clear 422 on the file, for staff and for residents, in the caller’s language', async () => {
    const { multipart, freshIp } = await import('../modules/portal/portal.test-support.js');
    const bomb = await pngBomb();
    expect(bomb.length).toBeLessThan(2000);
    const form = multipart('bomb.png', bomb, 'image/png');
    const staff = await ctx.as('registrar');
    const staffUpload = await staff.post('/api/attachments', form.body, form.headers);
    expect(staffUpload.statusCode).toBe(422);
    expect(staffUpload.json()).toMatchObject({ code: 'image_too_large', errors: [{ field: 'file' }] });
    expect(staffUpload.json().title).toContain('400 百万像素');
    const resident = await ctx.anonymous().post('/api/public/photos', form.body, { ...form.headers, ...freshIp(), 'accept-language': 'en-US' });
    expect(resident.statusCode).toBe(422);
    expect(resident.json().title).toContain('too many pixels');
  });
});
