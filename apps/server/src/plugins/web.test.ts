import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemPlugin } from './problem.js';
import { webPlugin } from './web.js';

let app: FastifyInstance;
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'lianxin-web-'));
  mkdirSync(join(root, 'm'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'index.html'), '<title>console</title>');
  writeFileSync(join(root, 'm', 'index.html'), '<title>portal</title>');
  writeFileSync(join(root, 'assets', 'app-1a2b.js'), 'console.log(1)');
  app = Fastify();
  await app.register(problemPlugin);
  await app.register(webPlugin, { root });
  app.get('/api/ping', async () => ({ ok: true }));
});
afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

describe('web pages', () => {
  it('serves the console for deep links and the portal under /m', async () => {
    for (const [url, title] of [['/', 'console'], ['/cases/abc', 'console'], ['/m', 'portal'], ['/m/track?code=LX1', 'portal']]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.body, url).toContain(title);
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable', async () => {
    const response = await app.inject({ url: '/assets/app-1a2b.js' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('keeps unknown API paths a problem+json 404 and leaves API routes alone', async () => {
    const missing = await app.inject({ url: '/api/nothing-here' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect((await app.inject({ url: '/api/ping' })).json()).toEqual({ ok: true });
  });
});
