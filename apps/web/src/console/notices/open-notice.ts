import type { NoticeView } from '@lianxin/core';
import { call } from '../../api/client';
import { noticeHref } from './notice-targets';

/**
 * Marks a notice read (if it is not) and answers where it links to, or null. The live stream then
 * brings the bell's new count.
 */
export async function openNotice(notice: NoticeView): Promise<string | null> {
  if (!notice.read) await call('POST /api/notifications/:id/read', { params: { id: notice.id } });
  return noticeHref(notice.target, notice.caseId);
}
