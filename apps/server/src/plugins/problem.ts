import { IllegalTransitionError, label, renderMessage, translate } from '@lianxin/core';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { issueMessage, requestLocale } from '../http/request.js';

/** One invalid field in a 400 answer. */
export interface FieldError {
  field: string;
  message: string;
}

/** Thrown by the validator compiler; carries the zod issues of one request part. */
export class RequestValidationError extends Error {
  constructor(
    readonly part: string,
    readonly issues: z.core.$ZodIssue[],
  ) {
    super('validation');
  }
}



function send(reply: FastifyReply, status: number, body: Record<string, unknown>) {
  return reply.status(status).type('application/problem+json; charset=utf-8').send({ type: 'about:blank', status, ...body });
}

/** Maps every error to application/problem+json in the caller's language. */
export const problemPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const locale = requestLocale(request);
    if (error instanceof RequestValidationError) {
      const errors: FieldError[] = error.issues.map((issue) => ({
        // A query parameter is named as such, even when its value was split into a list.
        field: issue.path.length ? (error.part === 'querystring' ? String(issue.path[0]) : issue.path.join('.')) : error.part,
        message: issueMessage(issue, locale),
      }));
      const fields = [...new Set(errors.map((e) => e.field))].join(', ');
      return send(reply, 400, {
        title: translate(locale, 'error.validation'),
        detail: translate(locale, 'error.validation.detail', { fields }),
        code: 'validation',
        errors,
      });
    }
    if (error instanceof AppError) {
      const title = renderMessage(locale, error.code, error.params);
      const body: Record<string, unknown> = { title, detail: title, code: error.code.replace(/^error\./, '') };
      if (error.field) body.errors = [{ field: error.field, message: title }];
      return send(reply, error.status, body);
    }
    if (error instanceof IllegalTransitionError) {
      const title = translate(locale, 'error.illegal_transition', {
        state: label('state', error.state, locale),
        action: label('action', error.action, locale),
      });
      return send(reply, 409, { title, detail: title, code: 'illegal_transition', state: error.state, action: error.action });
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.statusCode === 429) {
      return send(reply, 429, { title: translate(locale, 'error.rate_limited'), code: 'rate_limited' });
    }
    if (fastifyError.statusCode && fastifyError.statusCode < 500) {
      // Fastify's own 4xx (malformed JSON, body too large, unsupported media type).
      const title = translate(locale, fastifyError.statusCode === 413 ? 'error.file_too_large' : 'error.validation', { max: 10 });
      return send(reply, fastifyError.statusCode, {
        title,
        detail: fastifyError.message,
        code: fastifyError.code ?? 'bad_request',
        errors: [{ field: 'body', message: fastifyError.message }],
      });
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, 500, { title: translate(locale, 'error.internal'), code: 'internal' });
  });

  app.setNotFoundHandler((request, reply) => {
    const title = translate(requestLocale(request), 'error.not_found');
    return send(reply, 404, { title, code: 'not_found' });
  });
});

/** Fastify validator compiler for zod schemas: keeps the issues for the problem handler. */
export function zodValidatorCompiler({ schema, httpPart }: { schema: unknown; httpPart?: string }) {
  const zodSchema = schema as z.ZodType;
  return (data: unknown) => {
    // A POST without a body is an empty object: optional-only bodies need not send `{}`.
    const input = data == null && httpPart === 'body' ? {} : data;
    // Text no database can store is refused here, before any code runs, the same on both databases.
    const unstorable = unstorableText(input, []);
    if (unstorable) return { error: new RequestValidationError(httpPart ?? 'body', [{ code: 'custom', path: unstorable, message: 'unstorable_text', input: undefined }]) };
    const result = zodSchema.safeParse(input, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(httpPart ?? 'body', result.error.issues) };
  };
}

/** A NUL or a lone surrogate: PostgreSQL cannot store the first, no UTF-8 text the second. */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The path of the first string (or key) in `value` that no database can store, or null. */
function unstorableText(value: unknown, path: PropertyKey[]): PropertyKey[] | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) return [...path, key];
      const found = unstorableText(inner, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
