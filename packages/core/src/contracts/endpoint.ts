import { z } from 'zod';

/**
 * One API operation's contract, both ways: what it takes (params, query, body) and what it answers.
 * The server registers the route from it (validating the request, serializing the response through
 * the response schema, documenting both in OpenAPI); the web's API client is typed from it.
 */
interface EndpointBase {
  /** 中文 English summary for the API documentation. */
  summary: string;
  /** OpenAPI tag (the module). */
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** A multipart upload (the body is parsed by the handler, not by a schema). */
  multipart?: boolean;
  /** Open to residents: no staff session. */
  public?: boolean;
}

/** An operation answering JSON. */
export interface JsonEndpoint extends EndpointBase {
  /** The 2xx status it answers with (200 by default). */
  status?: 200 | 201 | 202;
  response: z.ZodType;
  /**
   * A write a phone may queue offline and retry: it takes an `Idempotency-Key` header (a
   * client-generated UUID); a retry with the key answers the first answer and writes nothing again.
   */
  idempotent?: true;
}

/** An operation answering a file download (PDF, DOCX, XLSX …) or an image. */
export interface FileEndpoint extends EndpointBase {
  status?: 200;
  /** The media types it may answer with. */
  file: readonly string[];
}

/** An operation answering 204 No Content. */
export interface EmptyEndpoint extends EndpointBase {
  status: 204;
}

/**
 * An operation answering a stream of server-sent events (text/event-stream) that stays open: each
 * event has a name and JSON data of that event's schema. The web reads it with an EventSource.
 */
export interface EventStreamEndpoint extends EndpointBase {
  status?: 200;
  /** The events it sends, by event name; each one's data is JSON of its schema. */
  events: Record<string, z.ZodType>;
}

export type Endpoint = JsonEndpoint | FileEndpoint | EmptyEndpoint | EventStreamEndpoint;

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
/** `METHOD /api/path/:param` — the key of an operation. */
export type EndpointKey = `${Method} /${string}`;

/** Declares a module's operations; `satisfies` keeps each one's precise schema types. */
export const defineEndpoints = <const T extends Record<EndpointKey, Endpoint>>(endpoints: T): T => endpoints;

/** Media types of the downloads. */
export const MEDIA = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpeg: 'image/jpeg',
  image: 'image/*',
  any: 'application/octet-stream',
} as const;

/** The output of a schema, or `never` for an operation without one. */
type Out<S> = S extends z.ZodType ? z.output<S> : never;
type In<S> = S extends z.ZodType ? z.input<S> : never;

/** What a JSON operation answers, as the web receives it. */
export type ResponseOf<E> = E extends { response: infer R } ? Out<R> : E extends { file: readonly string[] } ? Blob : undefined;
/** The data of event `N` of an event-stream operation, as the web receives it. */
export type EventDataOf<E, N extends string> = E extends { events: infer V } ? (N extends keyof V ? Out<V[N]> : never) : never;
/** The data of event `N` of an event-stream operation, as the server hands it to the stream. */
export type EventInputOf<E, N extends string> = E extends { events: infer V } ? (N extends keyof V ? In<V[N]> : never) : never;
/** What the server's handler returns before serialization through the response schema. */
export type ResponseInputOf<E> = E extends { response: infer R } ? In<R> : undefined;
export type ParamsOf<E> = E extends { params: infer P } ? Out<P> : Record<string, never>;
export type QueryOf<E> = E extends { query: infer Q } ? Out<Q> : Record<string, never>;
export type BodyOf<E> = E extends { body: infer B } ? Out<B> : undefined;
export type BodyInputOf<E> = E extends { body: infer B } ? In<B> : undefined;


/** The response contract of a JSON operation, for a presenter to be typed as returning it. */
export type Contract<S extends z.ZodType> = z.input<S>;

/** Keyset or cursor page of items. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null at the end'),
  });

/** The answer of operations that only acknowledge. */
export const OkSchema = z.object({ ok: z.literal(true) });

/**
 * What a caller passes to call an operation: its path parameters, query and body, each required
 * exactly when the contract has it. The query is plain values by name (lists are written
 * comma-separated) that the server's schema judges, refusing a missing or wrong one with a 400
 * naming it: typing it by the schema made the checker's unions explode across ~180 operations;
 * the body, the path parameters and the answer stay fully typed. A multipart upload has no
 * JSON body: the web sends its file through `upload`.
 */
export type CallInput<E> = (E extends { params: z.ZodType } ? { params: ParamsOf<E> } : { params?: never }) &
  (E extends { query: z.ZodType } ? { query?: Record<string, unknown> } : { query?: never }) &
  (E extends { body: z.ZodType } ? { body: BodyInputOf<E> } :  { body?: never });
