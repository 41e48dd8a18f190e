import { adminEndpoints, type Endpoint, notificationsEndpoints } from '@lianxin/core';
import { describe, expect, it } from 'vitest';
import { suiteContext } from '../../test/context.js';

const { ctx } = suiteContext();

describe('the administration API in the OpenAPI document', () => {
  it('documents every endpoint, with the described request fields', async () => {
    const res = await ctx.anonymous().get('/api/docs/json');
    expect(res.statusCode, res.body).toBe(200);
    const paths = res.json().paths as Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, { description?: string }> } }> } }>>;
    const expected: Array<[string, string]> = [
      ['/api/areas', 'get'],
      ['/api/areas/{code}', 'get'],
      ['/api/admin/areas', 'post'],
      ['/api/admin/areas/{code}', 'patch'],
      ['/api/units', 'get'],
      ['/api/admin/units', 'post'],
      ['/api/admin/units/{id}', 'patch'],
      ['/api/admin/users', 'get'],
      ['/api/admin/users', 'post'],
      ['/api/admin/users/{id}', 'get'],
      ['/api/admin/users/{id}', 'patch'],
      ['/api/categories', 'get'],
      ['/api/admin/categories', 'post'],
      ['/api/admin/categories/{code}', 'patch'],
      ['/api/time-limit-rules', 'get'],
      ['/api/admin/time-limit-rules', 'post'],
      ['/api/admin/time-limit-rules/{id}', 'patch'],
      ['/api/admin/time-limit-rules/{id}', 'delete'],
      ['/api/calendar', 'get'],
      ['/api/admin/calendar/{date}', 'put'],
      ['/api/admin/calendar/{date}', 'delete'],
      ['/api/admin/audit', 'get'],
      ['/api/admin/audit/verify', 'get'],
    ];
    for (const [path, method] of expected) expect(paths[path]?.[method], `${method} ${path}`).toBeDefined();
    const userBody = paths['/api/admin/users'].post.requestBody!.content['application/json'].schema.properties;
    for (const field of ['username', 'displayName', 'password', 'phone', 'locale', 'grants']) expect(userBody[field].description, field).toBeTruthy();
  });

  it('documents the answer of every administration and notifications operation', async () => {
    const paths = (await ctx.anonymous().get('/api/docs/json')).json().paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: { properties?: object } }> }> }>>;
    for (const [key, endpoint] of Object.entries<Endpoint>({ ...adminEndpoints, ...notificationsEndpoints })) {
      const [method, url] = key.split(' ');
      const operation = paths[url.replace(/:(\w+)/g, '{$1}')]?.[method.toLowerCase()];
      expect(operation, key).toBeDefined();
      const status = String(endpoint.status ?? 200);
      if (status === '204') expect(operation.responses['204'], key).toBeDefined();
      else if ('events' in endpoint) expect(Object.keys((operation.responses['200']?.content?.['text/event-stream'] as { 'x-events'?: object } | undefined)?.['x-events'] ?? {}), key).toEqual(Object.keys(endpoint.events));
      else expect(operation.responses[status]?.content?.['application/json']?.schema.properties, key).toBeTruthy();
    }
  });
});
