import { isLocalDate } from '@lianxin/core';

/**
 * China-time dates in the field-work screens' addresses. The date and week arithmetic itself
 * (`localDate`, `mondayOf`, `isoWeekday`, `addLocalDays` …) lives in `@lianxin/core`.
 */

/** A well-formed, real China-time date, or undefined (for values read from the address bar). */
export const validDate = (value: string | null | undefined): string | undefined => (value && isLocalDate(value) ? value : undefined);
