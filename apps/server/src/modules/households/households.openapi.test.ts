import { householdsEndpoints, mapEndpoints } from '@lianxin/core';
import { describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';

const { ctx } = suiteContext();

type Operation = { responses?: Record<string, { content?: Record<string, { schema?: { properties?: object; anyOf?: object[]; oneOf?: object[]; type?: string } }> }> };

describe('households, contact cards and the map in the OpenAPI document', () => {
  it('documents every operation with its answer: a JSON schema with properties, or the media type of a file', async () => {
    const res = await ctx.anonymous().get('/api/docs/json');
    expect(res.statusCode, res.body).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, Operation>>;
    const table = { ...householdsEndpoints, ...mapEndpoints };
    for (const [key, endpoint] of Object.entries(table)) {
      const [method, url] = key.split(' ');
      const operation = paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      expect(operation, key).toBeDefined();
      const status = String(('status' in endpoint && endpoint.status) || 200);
      const content = operation!.responses?.[status]?.content ?? {};
      if ('file' in endpoint) {
        expect(Object.keys(content), key).toEqual([...endpoint.file]);
      } else {
        const schema = content['application/json']?.schema;
        expect(schema?.properties ?? schema?.anyOf ?? schema?.oneOf, key).toBeDefined();
      }
    }
  });
});
