import type { NoticeTarget } from '@lianxin/core';

/**
 * The console page a notice links to, by its target's kind. A module that adds notices with a
 * target of its own adds its page here; until then its notices show without a link.
 */
const TARGET_PAGES: Record<string, (id: string) => string> = {
  case: (id) => `/cases/${encodeURIComponent(id)}`,
  alert: () => '/alerts',
  supervision: (id) => `/supervision/${encodeURIComponent(id)}`,
  hard_case_meeting: (id) => `/hard-cases/meetings/${encodeURIComponent(id)}`,
  bulletin: (id) => `/bulletins/${encodeURIComponent(id)}`,
  accountability: () => '/accountability',
  // — duty, leave and attendance —
  duty: (id) => `/duty?unit=${encodeURIComponent(id)}`,
  leave: () => '/leave?tab=approve',
  // — evaluation — a member's result is on their evaluation page
  evaluation: () => '/evaluation',
  service: (id) => `/services/applications/${encodeURIComponent(id)}`, // — service centre —
};

/** Where clicking a notice goes, or null when its target has no page (yet). */
export function noticeHref(target: NoticeTarget | null, caseId: string | null): string | null {
  const page = target ? TARGET_PAGES[target.kind] : undefined;
  if (page && target) return page(target.id);
  // A target without a page of its own that concerns a case (a supervision order on a case …): the case.
  return caseId ? TARGET_PAGES.case(caseId) : null;
}
