/** A case as lists show it: the response contract of `@lianxin/core` (personal data masked). */
export type { CaseSummary } from '@lianxin/core';

/** "2026-11-21 18:20" in the browser's zone. */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
