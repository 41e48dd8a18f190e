import { localDate } from '@lianxin/core';

/**
 * @deprecated Transitional forwards for the office-day pages, which still import from here: the
 * week helpers are `@lianxin/core`'s (`mondayOf`, `isoWeekday`, `localDate`), the address-bar date
 * check is `../field-work/dates`. Delete this file once nothing imports it.
 */
export { isoWeekday, mondayOf } from '@lianxin/core';
export { validDate } from '../field-work/dates';

/** @deprecated `localDate(new Date())` from core. */
export const chinaToday = (now: Date = new Date()): string => localDate(now);
