import { API, type Api, type EventInputOf } from '@lianxin/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { droppedPaths, ResponseContractError } from './route.js';

/** The operations answering a stream of server-sent events. */
export type StreamKey = { [K in keyof Api]: Api[K] extends { events: Record<string, z.ZodType> } ? K : never }[keyof Api];
type EventName<K extends StreamKey> = Extract<keyof (Api[K] extends { events: infer V } ? V : never), string>;

/** An open event stream: typed events, a heartbeat, and one close however it ends. */
export interface EventStream<K extends StreamKey> {
  /** Sends event `name` with its data, checked against the event's schema (nothing undeclared leaves). */
  send<N extends EventName<K>>(name: N, data: EventInputOf<Api[K], N>): void;
  /** Runs `fn` once when the stream ends (the client left, or the server closes it); at once if it has. */
  onClose(fn: () => void): void;
  /** Ends the stream from the server's side. */
  close(): void;
  readonly closed: boolean;
}

export interface EventStreamOptions {
  /** A comment line this often keeps proxies and the browser from dropping an idle stream. */
  heartbeatMs?: number;
  /** How long the browser waits before it connects again after a drop. */
  retryMs?: number;
  /**
   * The stream ends after this long and the browser connects again, so its session is checked
   * anew (signed out or disabled meanwhile: the new connection is refused). Default 10 minutes.
   */
  maxLifetimeMs?: number;
}

/** The open streams of each server (several servers may run in one process, e.g. in tests). */
const openStreams = new WeakMap<FastifyInstance, Set<{ close(): void }>>();

/** Ends every open stream of `server` (it is shutting down), so closing does not wait for them. */
export function closeEventStreams(server: FastifyInstance): void {
  for (const stream of [...(openStreams.get(server) ?? [])]) stream.close();
}

/**
 * Starts the event stream of operation `key` on this reply: the reply is taken over from Fastify
 * (a stream is never serialized as a whole), and each event is checked against its schema in the
 * contract, as JSON answers are.
 */
export function openEventStream<K extends StreamKey>(key: K, request: FastifyRequest, reply: FastifyReply, options: EventStreamOptions = {}): EventStream<K> {
  const schemas = (API[key] as { events: Record<string, z.ZodType> }).events;
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-content-type-options': 'nosniff',
    // Nginx and the like pass the events on at once instead of buffering them.
    'x-accel-buffering': 'no',
  });
  raw.write(`retry: ${options.retryMs ?? 3000}\n\n`);
  let open = openStreams.get(request.server);
  if (!open) openStreams.set(request.server, (open = new Set()));
  const closers: Array<() => void> = [];
  let closed = false;
  const heartbeat = setInterval(() => raw.write(': ping\n\n'), options.heartbeatMs ?? 25_000);
  heartbeat.unref();
  const lifetime = setTimeout(() => end(), options.maxLifetimeMs ?? 600_000);
  lifetime.unref();

  const end = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    clearTimeout(lifetime);
    open!.delete(stream);
    request.raw.off('close', end);
    if (!raw.writableEnded) raw.end();
    for (const fn of closers.splice(0)) fn();
  };
  const stream: EventStream<K> = {
    send(name, data) {
      if (closed) return;
      const schema = schemas[name];
      const result = schema.safeParse(data);
      if (!result.success) throw new ResponseContractError('EVENT', `${key} ${name}`, result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      const dropped = droppedPaths(JSON.parse(JSON.stringify(data)), result.data, '');
      if (dropped.length) throw new ResponseContractError('EVENT', `${key} ${name}`, dropped.map((p) => `${p}: not in the contract`));
      raw.write(`event: ${name}\ndata: ${JSON.stringify(result.data)}\n\n`);
    },
    onClose(fn) {
      if (closed) fn();
      else closers.push(fn);
    },
    close: end,
    get closed() {
      return closed;
    },
  };
  open.add(stream);
  request.raw.on('close', end);
  raw.on('error', end);
  return stream;
}
