import type { Socket } from 'node:net';
import helmet from '@fastify/helmet';
import { pickLocale, translate } from '@lianxin/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { requestLocale } from '../http/request.js';

/**
 * Security headers on every answer (API and pages): a content security policy the console, the
 * portal and the maps pass (Ant Design writes its styles inline; map tiles come from the configured
 * tile host), no framing, no referrer (evaluation links carry a token in the path), HSTS behind HTTPS.
 */
export const securityHeaders = fp(async (app: FastifyInstance, { tileUrl, secure }: { tileUrl?: string; secure: boolean }) => {
  const tileOrigin = tileUrl ? originOf(tileUrl) : null;
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...(tileOrigin ? [tileOrigin] : [])],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: secure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
});

/** The origin (scheme://host[:port]) of a tile URL template such as https://t{s}.tianditu.gov.cn/…. */
function originOf(template: string): string | null {
  const match = /^(https?:\/\/[^/]+)/.exec(template);
  if (!match) return null;
  // A subdomain placeholder ({s}) becomes a wildcard host.
  return match[1].replace(/\{[a-z]+\}/g, '*');
}

const problem = (status: number, title: string, code: string) => JSON.stringify({ type: 'about:blank', status, title, detail: title, code });

/**
 * Fastify's own framework errors (a path parameter over its length, a malformed URL) as
 * problem+json in the caller's language, never echoing the path.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const locale = requestLocale(request);
  const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
  const title = translate(locale, status === 414 ? 'error.uri_too_long' : 'error.validation');
  reply.status(status).type('application/problem+json; charset=utf-8').send(problem(status, title, status === 414 ? 'uri_too_long' : 'bad_url'));
}

/**
 * Errors Node's HTTP parser meets before Fastify sees a request (headers or query over 16 KB, a
 * malformed request line): answered as problem+json, in the language the request asked for when
 * its headers could be read.
 */
export function clientErrorHandler(error: Error & { code?: string; rawPacket?: unknown }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  const overflow = error.code === 'HPE_HEADER_OVERFLOW';
  const status = overflow ? 431 : 400;
  const raw = Buffer.isBuffer(error.rawPacket) ? error.rawPacket.toString('latin1') : '';
  const accept = /accept-language:\s*([^\r\n]+)/i.exec(raw)?.[1];
  const locale = pickLocale(accept);
  const body = problem(status, translate(locale, overflow ? 'error.headers_too_large' : 'error.validation'), overflow ? 'headers_too_large' : 'bad_request');
  const reason = overflow ? 'Request Header Fields Too Large' : 'Bad Request';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}
