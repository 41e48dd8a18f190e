import { randomUUID } from 'node:crypto';
import { maskName } from '@lianxin/core';
import type { TestContext } from '../../test/context.js';

/** A 1×1 PNG. */
export const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6300010000050001' + '0d0a2db40000000049454e44ae426082', 'hex');

/** A multipart body with one file field, as phones upload photos. */
export function multipart(fileName: string, data: Buffer, type = 'application/octet-stream') {
  const boundary = '----lianxin-test';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, data, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * Writes a household straight into the registry's tables (the households module owns their rules;
 * field-work tests need only rows to point at). The head's name is encrypted, as the registry does.
 */
export async function insertHousehold(ctx: TestContext, input: { areaCode: string; address: string; headName: string; tags?: string[] }): Promise<string> {
  const id = randomUUID();
  const now = ctx.clock.now().toISOString();
  const tags = input.tags ?? [];
  const db = ctx.database.db as unknown as import('kysely').Kysely<any>;
  await db
    .insertInto('households')
    .values({
      id,
      areaCode: input.areaCode,
      address: input.address,
      lat: null,
      lng: null,
      headNameEnc: ctx.cipher.encrypt(input.headName),
      headNameMasked: maskName(input.headName),
      contactUserId: null,
      tagCodes: tags.length ? `,${tags.join(',')},` : '',
      memberCount: 1,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  if (tags.length) await db.insertInto('householdTags').values(tags.map((tagCode) => ({ householdId: id, tagCode }))).execute();
  return id;
}

/** The fields a 400 problem names. */
export const fieldsOf = (json: { errors?: Array<{ field: string }> }) => (json.errors ?? []).map((e) => e.field);
