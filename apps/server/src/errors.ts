import type { MessageKey } from '@lianxin/core';

/** A problem the API reports as application/problem+json; `code` is a message key in both languages. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageKey,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export const notFound = () => new AppError(404, 'error.not_found');
export const forbidden = () => new AppError(403, 'error.forbidden');
export const outOfScope = () => new AppError(403, 'error.out_of_scope');
export const unauthenticated = () => new AppError(401, 'error.unauthenticated');
export const stale = () => new AppError(409, 'error.stale');
/** A domain rule refuses the request (422), optionally naming the field at fault. */
export const unprocessable = (code: MessageKey, params: Record<string, string | number> = {}, field?: string) =>
  new AppError(422, code, params, field);
/** A body field points at something that does not exist (400, names the field); `what` is an entity code (unit, area …). */
export const unknownReference = (field: string, what: string) => new AppError(400, 'error.unknown_reference', { what }, field);
