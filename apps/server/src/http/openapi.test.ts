import { API } from '@lianxin/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { suiteContext } from '../test/context.js';

/**
 * The OpenAPI document at /api/docs/json shows every operation both ways: each is registered from
 * the contracts' table (nothing registered beside it), each has a 2xx answer, a JSON answer has a
 * schema with its properties, and a download names its media types.
 */

const { ctx } = suiteContext();
let paths: Record<string, Record<string, Operation>>;

interface Schema {
  type?: string;
  properties?: Record<string, unknown>;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
}
interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

beforeAll(async () => {
  const res = await ctx.anonymous().get('/api/docs/json');
  expect(res.statusCode).toBe(200);
  paths = res.json().paths;
});

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const toKey = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;

/** Whether a JSON schema names its fields (an object, an array of objects, or a union of those). */
function hasProperties(schema: Schema | undefined): boolean {
  if (!schema) return false;
  if (schema.properties && Object.keys(schema.properties).length > 0) return true;
  if (schema.items) return hasProperties(schema.items);
  const variants = schema.anyOf ?? schema.oneOf;
  return !!variants && variants.length > 0 && variants.every((v) => v.type === 'null' || hasProperties(v));
}

describe('the OpenAPI document', () => {
  it('lists exactly the operations of the contracts’ table', () => {
    const documented = Object.entries(paths)
      .filter(([path]) => path.startsWith('/api/') && !path.startsWith('/api/docs'))
      .flatMap(([path, ops]) => METHODS.filter((m) => ops[m]).map((m) => toKey(m, path)));
    const table = Object.keys(API).filter((key) => !key.includes('/api/test/'));
    expect(documented.filter((k) => !k.includes('/api/test/')).sort()).toEqual(table.sort());
  });

  it('gives every operation a 2xx answer: JSON with its properties, or a file with its media types', () => {
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(paths)) {
      if (!path.startsWith('/api/') || path.startsWith('/api/docs')) continue;
      for (const method of METHODS.filter((m) => ops[m])) {
        const ok = Object.entries(ops[method].responses ?? {}).filter(([status]) => status.startsWith('2'));
        const fine = ok.some(([status, answer]) => {
          if (status === '204') return true;
          const content = answer.content ?? {};
          const json = content['application/json'];
          if (json) return hasProperties(json.schema);
          return Object.keys(content).length > 0 && Object.values(content).every((c) => c.schema?.type === 'string');
        });
        if (!fine) missing.push(toKey(method, path));
      }
    }
    expect(missing).toEqual([]);
  });
});
