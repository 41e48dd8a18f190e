import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSse } from '../modules/notifications/sse-test-client.js';
import { closeEventStreams, openEventStream } from './event-stream.js';

/** A bare server with one stream of the notices' contract, to drive the stream machinery alone. */
let app: FastifyInstance;
let base = '';
const outcomes: string[] = [];
let closedByClient = 0;

beforeAll(async () => {
  app = Fastify();
  app.get('/stream', async (request, reply) => {
    const stream = openEventStream('GET /api/notifications/stream', request, reply, { heartbeatMs: 20, maxLifetimeMs: Number((request.query as { life?: string }).life ?? 60_000) });
    stream.onClose(() => (closedByClient += 1));
    stream.send('count', { unread: 3 });
    for (const bad of [{ unread: 'three' }, { unread: 1, secret: 'x' }]) {
      try {
        stream.send('count', bad as never);
        outcomes.push('sent');
      } catch (error) {
        outcomes.push((error as Error).name);
      }
    }
    return reply;
  });
  app.addHook('preClose', (done) => {
    closeEventStreams(app);
    done();
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => app.close());

describe('an event stream', () => {
  it('sends only events that match their schema, with nothing undeclared', async () => {
    const stream = await openSse(`${base}/stream`);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['cache-control']).toContain('no-cache');
    await stream.next((e) => e.event === 'count');
    await stream.next((e) => e.event === 'comment');
    expect(stream.events.filter((e) => e.event === 'count').map((e) => e.data)).toEqual([{ unread: 3 }]);
    expect(outcomes.slice(-2)).toEqual(['ResponseContractError', 'ResponseContractError']);
    const before = closedByClient;
    stream.close();
    await expect.poll(() => closedByClient).toBe(before + 1);
  });

  it('ends after its lifetime, so the browser connects again and its session is checked anew', async () => {
    const stream = await openSse(`${base}/stream?life=100`);
    await stream.next((e) => e.event === 'count');
    await stream.ended;
  });
});
