import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { suiteContext } from '../test/context.js';

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
      const res = await ctx.anonymous().post('/api/auth/login', { username: 'dispatcher', password: 'wrong' }, { 'x-forwarded-for': `10.0.${i}.${i}` });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
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
