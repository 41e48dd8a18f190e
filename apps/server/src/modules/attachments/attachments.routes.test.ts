import { describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';
import { caseInput } from '../../test/fixtures.js';

const { ctx } = suiteContext();

// A 1×1 PNG.
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex');

function multipart(fileName: string, data: Buffer, type = 'application/octet-stream') {
  const boundary = '----lianxin-test';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('attachments', () => {
  it('stores a photo, links it to a case, and serves it to those who see the case', async () => {
    const registrar = await ctx.as('registrar');
    const { body, headers } = multipart('现场照片.png', PNG, 'image/png');
    const uploaded = await registrar.post('/api/attachments', body, headers);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({ mimeType: 'image/png', size: PNG.length, fileName: '现场照片.png' });
    const attachmentId = uploaded.json().id;

    const created = (await registrar.post('/api/cases', caseInput({ attachmentIds: [attachmentId] }))).json();
    expect(created.status).toBe('registered');
    const detail = (await registrar.get(`/api/cases/${created.id}`)).json();
    expect(detail.attachments.map((a: { id: string }) => a.id)).toEqual([attachmentId]);

    const download = await (await ctx.as('dispatcher')).get(`/api/attachments/${attachmentId}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(PNG)).toBe(true);

    expect((await (await ctx.as('cadreA2')).get(`/api/attachments/${attachmentId}`)).statusCode).toBe(403);
  });

  it('refuses HTML disguised as an image, whatever the client claims', async () => {
    const { body, headers } = multipart('photo.png', Buffer.from('<html><script>alert(1)</script></html>'), 'image/png');
    const response = await (await ctx.as('registrar')).post('/api/attachments', body, headers);
    expect(response.statusCode).toBe(415);
    expect(response.json().errors[0].field).toBe('file');
  });

  it('refuses files over the size limit', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]);
    const { body, headers } = multipart('big.png', big, 'image/png');
    const response = await (await ctx.as('registrar')).post('/api/attachments', body, headers);
    expect(response.statusCode).toBe(413);
  });

  it('will not link somebody else’s upload', async () => {
    const { body, headers } = multipart('a.png', PNG, 'image/png');
    const id = (await (await ctx.as('registrar')).post('/api/attachments', body, headers)).json().id;
    const response = await (await ctx.as('dispatcher')).post('/api/cases', caseInput({ attachmentIds: [id] }));
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('attachmentIds');
  });
});
