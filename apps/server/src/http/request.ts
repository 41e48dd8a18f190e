import { type Locale, type MessageKey, MESSAGES, pickLocale, translate } from '@lianxin/core';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../access/actor.js';
import { unauthenticated } from '../errors.js';

/** What a route reads of its request beyond its contract: the actor, the caller's language. */

export const SESSION_COOKIE = 'lx_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** Routes open to residents (no session); everything else under /api needs a staff session. */
    public?: boolean;
  }
}

/** The signed-in actor of a staff route (the auth hook has already refused anonymous callers). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw unauthenticated();
  return request.actor;
}

/**
 * The caller's language: the console's explicit choice (x-lianxin-locale), else Accept-Language,
 * else zh-CN. A user's saved preference is applied by the console through that header.
 */
export function requestLocale(request: FastifyRequest): Locale {
  const explicit = request.headers['x-lianxin-locale'];
  return pickLocale(typeof explicit === 'string' ? explicit : request.headers['accept-language']);
}

const ZOD_LOCALES = { 'zh-CN': z.locales.zhCN().localeError, 'en-US': z.locales.en().localeError };

/** A zod issue in the caller's language (our `issue.*` keys for custom rules, zod's locales otherwise). */
export function issueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
  // Our own refinements carry a message key; zod's built-in checks are translated by its locales.
  const key = `issue.${issue.message}` as MessageKey;
  if (issue.code === 'custom' && key in MESSAGES[locale]) return translate(locale, key);
  const out = (ZOD_LOCALES[locale] as (i: unknown) => string | { message: string } | undefined)(issue);
  return typeof out === 'string' ? out : (out?.message ?? issue.message);
}
