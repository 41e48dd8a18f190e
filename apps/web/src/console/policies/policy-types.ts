import type { PolicyKind } from '@lianxin/core';

/** A policy or standard answer as the API returns it. */
export interface Policy {
  id: string;
  kind: PolicyKind;
  title: string;
  body: string;
  source: string | null;
  categoryCode: string | null;
  publishedAt: string | null;
  isActive: boolean;
  createdAt: string;
  updatedAt: string;
  /** With a search: the best passage, matches in 【】. */
  snippet?: string | null;
}

/** Splits a 【】-marked snippet into plain and highlighted parts. */
export function highlightParts(snippet: string): { text: string; hit: boolean }[] {
  const parts: { text: string; hit: boolean }[] = [];
  const pattern = /【([^【】]*)】/g;
  let last = 0;
  for (const match of snippet.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: snippet.slice(last, match.index), hit: false });
    if (match[1]) parts.push({ text: match[1], hit: true });
    last = match.index + match[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), hit: false });
  return parts;
}
