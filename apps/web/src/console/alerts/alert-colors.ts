import type { AlertKind, AlertStatus } from '@lianxin/core';

export const KIND_COLORS: Record<AlertKind, string> = { hotspot: 'volcano', repeat_requester: 'gold', risk_words: 'red' };
export const STATUS_COLORS: Record<AlertStatus, string> = { open: 'red', acknowledged: 'orange', task_created: 'green', dismissed: 'default' };
