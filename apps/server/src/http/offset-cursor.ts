import { AppError } from '../errors.js';

/** The opaque cursor of the page that starts at `offset` (pages of a ranked list). */
export const encodeOffsetCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

/** The offset an opaque cursor stands for; a 400 naming `cursor` when it is not one or lies beyond `max`. */
export function decodeOffsetCursor(cursor: string, max: number): number {
  const match = /^o:(\d{1,6})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const offset = match ? Number(match[1]) : NaN;
  if (!(offset >= 0 && offset <= max)) throw new AppError(400, 'error.validation', {}, 'cursor');
  return offset;
}
