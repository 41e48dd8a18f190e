import {
  API,
  type Api,
  type BodyOf,
  type Endpoint,
  type ParamsOf,
  type QueryOf,
  type ResponseInputOf,
} from '@lianxin/core';
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, preHandlerHookHandler } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { toJSONSchema, type z } from 'zod';
import { idempotencyKeyOf, REPLAYED_HEADER, requestHash } from './idempotency.js';
import { actorOf } from './request.js';

/** The key of one operation of the API table, `METHOD /api/…`. */
export type ApiKey = keyof Api;

/** The request a handler receives: params, query and body already parsed by their schemas. */
export type ApiRequest<K extends ApiKey> = FastifyRequest<{ Params: ParamsOf<Api[K]>; Querystring: QueryOf<Api[K]>; Body: BodyOf<Api[K]> }>;

/** What a handler returns: the response contract's input (JSON), or the reply it sent (files, event streams). */
export type ApiResult<K extends ApiKey> = Api[K] extends { response: z.ZodType }
  ? ResponseInputOf<Api[K]>
  : Api[K] extends { file: readonly string[] }
    ? FastifyReply
    : Api[K] extends { events: Record<string, z.ZodType> }
      ? FastifyReply
      : void;

export interface RouteOptions {
  /** Route config, e.g. `rateLimit`. */
  config?: FastifyContextConfig & Record<string, unknown>;
  preHandler?: preHandlerHookHandler;
  bodyLimit?: number;
}

/**
 * Registers the operation `key` of the API table (`@lianxin/core` contracts) with its handler.
 * The route validates params, query and body with the contract's schemas, answers the contract's
 * status, serializes the answer through its response schema (so an undeclared field never leaves
 * the server) and documents all of it in OpenAPI. Route files do nothing else: parse, call, present.
 */
export function route<K extends ApiKey>(
  app: FastifyInstance,
  key: K,
  handler: (request: ApiRequest<K>, reply: FastifyReply) => Promise<ApiResult<K>> | ApiResult<K>,
  options: RouteOptions = {},
): void {
  const endpoint = API[key] as Endpoint;
  const space = key.indexOf(' ');
  const method = key.slice(0, space) as 'GET';
  const url = key.slice(space + 1);
  const status = endpoint.status ?? 200;
  const schema: FastifySchema & Record<string, unknown> = {
    tags: [endpoint.tag],
    summary: endpoint.summary,
    ...('idempotent' in endpoint && endpoint.idempotent ? { description: 'Takes an `Idempotency-Key` header (a client-generated UUID): a retry with the same key answers the first answer (header `Idempotent-Replayed: true`) and writes nothing again. 可带幂等键，重试不会重复写入。' } : {}),
    ...(endpoint.params ? { params: endpoint.params } : {}),
    ...(endpoint.query ? { querystring: endpoint.query } : {}),
    ...(endpoint.body ? { body: endpoint.body } : {}),
    // Any other 2xx the handler chooses (a PUT that creates: 201) is serialized through the same contract.
    ...('response' in endpoint ? { response: { [status]: endpoint.response, '2xx': endpoint.response } } : {}),
    ...('file' in endpoint ? { [FILE_MEDIA]: endpoint.file } : {}),
    ...(endpoint.status === 204 ? { [NO_CONTENT]: true } : {}),
    ...('events' in endpoint ? { [EVENTS]: endpoint.events } : {}),
    ...(endpoint.public ? { security: [] } : {}),
    ...(endpoint.multipart ? { consumes: ['multipart/form-data'] } : {}),
  };
  app.route({
    method,
    url,
    schema,
    config: { ...options.config, ...(endpoint.public ? { public: true } : {}) },
    ...(options.preHandler ? { preHandler: options.preHandler } : {}),
    ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
    handler: async (request, reply) => {
      const key = 'idempotent' in endpoint && endpoint.idempotent ? idempotencyKeyOf(request.headers) : undefined;
      if (key && app.idempotency) {
        // A queued write (issue 17): the first answer to its key is kept and given to every retry.
        const operation = `${method} ${url}`;
        const hash = requestHash(operation, request.params, endpoint.multipart ? null : request.body);
        const answer = await app.idempotency.run(actorOf(request).userId, key, operation, hash, async () => {
          const body = await handler(request as never, reply);
          return { status: reply.statusCode === 200 && status !== 200 ? status : reply.statusCode, body };
        });
        if (answer.replayed) reply.header(REPLAYED_HEADER, 'true');
        return reply.status(answer.status).send(answer.body);
      }
      const result = await handler(request as never, reply);
      if (reply.sent) return reply;
      if (status === 204) return reply.status(204).send();
      if (reply.statusCode === 200 && status !== 200) reply.status(status);
      return result;
    },
  });
}

const FILE_MEDIA = 'x-lianxin-file';
const NO_CONTENT = 'x-lianxin-no-content';
const EVENTS = 'x-lianxin-events';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];

/**
 * OpenAPI transform: the zod schemas become JSON Schema (fastify-type-provider-zod), a download
 * declares its media types, a 204 says it has no content, and an event stream answers
 * text/event-stream with each event's JSON Schema under `x-events` (by event name).
 */
export function openApiTransform(input: TransformInput) {
  const schema = input.schema as (FastifySchema & Record<string, unknown>) | undefined;
  const files = schema?.[FILE_MEDIA] as readonly string[] | undefined;
  const noContent = schema?.[NO_CONTENT];
  const events = schema?.[EVENTS] as Record<string, z.ZodType> | undefined;
  if (!schema || (!files && !noContent && !events)) return jsonSchemaTransform(input);
  const { [FILE_MEDIA]: _files, [NO_CONTENT]: _noContent, [EVENTS]: _events, ...rest } = schema;
  const transformed = jsonSchemaTransform({ ...input, schema: rest } as TransformInput);
  const response = files
    ? { 200: { description: 'File 文件', content: Object.fromEntries(files.map((m) => [m, { schema: { type: 'string', format: 'binary' } }])) } }
    : events
      ? { 200: { description: 'Server-sent events 事件流', content: { 'text/event-stream': { schema: { type: 'string' }, 'x-events': eventSchemas(events) } } } }
      : { 204: { description: 'No content 无内容', type: 'null' } };
  return { ...transformed, schema: { ...transformed.schema, response } };
}

/** Each event's data as JSON Schema, by event name. */
function eventSchemas(events: Record<string, z.ZodType>) {
  return Object.fromEntries(Object.entries(events).map(([name, schema]) => [name, toJSONSchema(schema, { io: 'output', unrepresentable: 'any' })]));
}

/**
 * Serializes a JSON answer through its response schema: fields the contract does not declare are
 * dropped. With `strict` (the test suite), a dropped field or an answer that does not match the
 * contract is an error, so a presenter that drifts from its contract fails its route test.
 */
export function responseSerializer(strict: boolean) {
  return ({ schema, method, url }: { schema: unknown; method: string; url: string }) => {
    const contract = schema as z.ZodType;
    return (data: unknown): string => {
      const result = contract.safeParse(data);
      if (!result.success) throw new ResponseContractError(method, url, result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
      if (strict) {
        const dropped = droppedPaths(JSON.parse(JSON.stringify(data)), result.data, '');
        if (dropped.length) throw new ResponseContractError(method, url, dropped.map((p) => `${p}: not in the contract`));
      }
      return JSON.stringify(result.data);
    };
  };
}

/** An answer that breaks its response contract: a defect on the server, never the caller's fault. */
export class ResponseContractError extends Error {
  constructor(method: string, url: string, problems: string[]) {
    super(`${method} ${url} answered outside its contract: ${problems.slice(0, 10).join('; ')}`);
    this.name = 'ResponseContractError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Paths present in `raw` that the parsed answer lost (a field the contract does not declare). */
export function droppedPaths(raw: unknown, parsed: unknown, path: string): string[] {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    for (let i = 0; i < raw.length; i++) {
      const inner = droppedPaths(raw[i], parsed[i], `${path}[${i}]`);
      if (inner.length) return inner;
    }
    return [];
  }
  if (!isRecord(raw) || !isRecord(parsed)) return [];
  return Object.keys(raw).flatMap((key) => (key in parsed ? droppedPaths(raw[key], parsed[key], path ? `${path}.${key}` : key) : [path ? `${path}.${key}` : key]));
}
