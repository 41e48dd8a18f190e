import { randomUUID } from 'node:crypto';
import jsQR from 'jsqr';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { pdfText } from '../documents/read-back.test-support.js';
import { drawQr } from './render-cards.js';

const { ctx } = suiteContext();
beforeAll(async () => {
  const { db } = ctx.database;
  // The village cadre's phone, as an admin would enter it (encrypted at rest).
  await db.updateTable('users').set({ phoneEnc: ctx.cipher.encrypt('13970001234') }).where('id', '=', ctx.org.users.cadreA1).execute();
});

describe('contact cards (民情联系卡)', () => {
  it('prints a sheet for a village: cadre, phone, hotline and the portal address preset to the village', async () => {
    const response = await (await ctx.as('townRegistrar')).get(`/api/contact-cards.pdf?area=${ctx.org.areas.villageA1}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['x-card-count']).toBe('10');
    expect(response.rawPayload.length).toBeLessThan(300_000);
    const text = await pdfText(response.rawPayload);
    for (const phrase of ['民情联系卡', '城关镇东门社区', '联系干部：冯社区', '联系电话：13970001234', '服务热线：12345', '扫码反映诉求']) expect(text).toContain(phrase);
    const audit = await ctx.database.db.selectFrom('auditLog').selectAll().where('action', '=', 'print_contact_cards').execute();
    expect(audit).toHaveLength(1);
  });

  it('prefers the cadres stationed in the village today', async () => {
    const { db } = ctx.database;
    const now = ctx.clock.now().toISOString();
    await db.insertInto('stationingAssignments').values({ id: randomUUID(), cadreUserId: ctx.org.users.cadreA2, villageCode: ctx.org.areas.villageA1, startsOn: '2026-01-01', endsOn: null, minDaysPerWeek: null, note: null, createdBy: null, createdAt: now, updatedAt: now }).execute();
    await db.insertInto('stationingAssignments').values({ id: randomUUID(), cadreUserId: ctx.org.users.leader, villageCode: ctx.org.areas.villageA1, startsOn: '2025-01-01', endsOn: '2025-12-31', minDaysPerWeek: null, note: null, createdBy: null, createdAt: now, updatedAt: now }).execute();
    const text = await pdfText((await (await ctx.as('townRegistrar')).get(`/api/contact-cards.pdf?area=${ctx.org.areas.villageA1}&copies=2`)).rawPayload);
    expect(text).toContain('联系干部：陈社区');
    expect(text).not.toContain('冯社区');
    expect(text).not.toContain('吴县长'); // the assignment ended last year
  });

  it('draws a QR code that decodes to the submission page of the village', async () => {
    const url = `http://lianxin.test/m/submit?area=${ctx.org.areas.villageA1}`;
    // Record the squares the card draws, rasterise them with a quiet zone, and decode.
    const squares: Array<[number, number, number]> = [];
    const recorder = { save: () => recorder, restore: () => recorder, fillColor: () => recorder, fill: () => recorder, rect: (x: number, y: number, w: number) => (squares.push([x, y, w]), recorder) };
    drawQr(recorder as never, url, 0, 0, 100);
    const cell = squares[0][2] - 0.05;
    const modules = Math.round(100 / cell);
    const scale = 4;
    const quiet = 4;
    const side = (modules + 2 * quiet) * scale;
    const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
    for (const [x, y] of squares) {
      const col = Math.round(x / cell) + quiet;
      const row = Math.round(y / cell) + quiet;
      for (let dy = 0; dy < scale; dy++) for (let dx = 0; dx < scale; dx++) {
        const i = ((row * scale + dy) * side + col * scale + dx) * 4;
        pixels[i] = pixels[i + 1] = pixels[i + 2] = 0;
      }
    }
    expect(jsQR(pixels, side, side)?.data).toBe(url);
  });

  it('refuses staff whose area does not hold the village, and areas that are not villages', async () => {
    expect((await (await ctx.as('cadreA2')).get(`/api/contact-cards.pdf?area=${ctx.org.areas.villageA1}`)).statusCode).toBe(403);
    const town = await (await ctx.as('townRegistrar')).get(`/api/contact-cards.pdf?area=${ctx.org.areas.townA}`);
    expect(town.statusCode).toBe(400);
    expect(town.json().errors[0].field).toBe('area');
    const missing = await (await ctx.as('townRegistrar')).get('/api/contact-cards.pdf');
    expect(missing.statusCode).toBe(400);
    expect((await ctx.anonymous().get(`/api/contact-cards.pdf?area=${ctx.org.areas.villageA1}`)).statusCode).toBe(401);
  });
});
