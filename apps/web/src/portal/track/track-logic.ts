import { TRACKING_CODE_PATTERN, TRACKING_SECRET_PATTERN } from '@lianxin/core';

/** The tracking code as typed: spaces dropped, upper case. */
export const normalizeCode = (code: string) => code.replace(/\s+/g, '').toUpperCase();

/** Whether what the resident typed is a tracking code (LX20261121-000123), as the server checks it. */
export const isTrackingCode = (typed: string) => TRACKING_CODE_PATTERN.test(normalizeCode(typed));

/** Whether what the resident typed can be a 查询码 (8 letters or digits, a dash or space allowed); the server reads it. */
export const isTrackingSecret = (typed: string) => TRACKING_SECRET_PATTERN.test(typed.trim().toUpperCase()) && typed.replace(/[\s-]/g, '').length === 8;

/** A 查询码 as shown to the resident: two groups of four, 7K3M-Q9TD. */
export const formatSecret = (secret: string) => `${secret.slice(0, 4)}-${secret.slice(4)}`;
