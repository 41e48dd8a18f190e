import { TRACKING_CODE_PATTERN } from '@lianxin/core';

/** The tracking code as typed: spaces dropped, upper case. */
export const normalizeCode = (code: string) => code.replace(/\s+/g, '').toUpperCase();

/** Whether what the resident typed is a tracking code (LX20261121-000123), as the server checks it. */
export const isTrackingCode = (typed: string) => TRACKING_CODE_PATTERN.test(normalizeCode(typed));
