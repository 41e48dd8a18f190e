import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type ReadContext, type RoutingPool, withReadContext } from '../db/replica.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyRequest {
    readContext: ReadContext | null;
  }
}

/**
 * Read-your-writes for the replica (db/replica.ts): each request runs in a read context naming its
 * user, so the `reads` handle knows whose reads they are and whether this request has written; a
 * request that wrote leaves the primary's WAL position for its user before its answer goes out, so
 * the user's next read cannot come from a replica that has not replayed it. Without a replica
 * (`routing` absent) nothing is registered.
 */
export const readContextPlugin = fp(async (app: FastifyInstance, { routing }: { routing?: RoutingPool }) => {
  if (!routing) return;
  app.decorateRequest('readContext', null);
  app.addHook('onRequest', (request, _reply, done) => {
    const context: ReadContext = {
      // Read when a query asks, so the actor the auth hook resolves later counts.
      get userId() {
        return request.actor?.userId ?? null;
      },
      wrote: false,
      safe: SAFE_METHODS.has(request.method),
    };
    request.readContext = context;
    withReadContext(context, done);
  });
  // Body parsing runs on the socket's events, outside the context: enter it again for the handler.
  app.addHook('preValidation', (request, _reply, done) => (request.readContext ? withReadContext(request.readContext, done) : done()));
  app.addHook('onSend', async (request, _reply, payload) => {
    const context = request.readContext;
    const userId = context?.userId;
    if (context?.wrote && !context.safe && userId) {
      try {
        await routing.noteWrite(userId);
      } catch (error) {
        request.log.error({ err: error }, 'could not read the primary WAL position after a write');
      }
    }
    return payload;
  });
});
