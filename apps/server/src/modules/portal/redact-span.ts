/** A part of a text the redactor removes: a name (→ 某某), a surname before a title (→ 某), a number (→ ***). */
export interface RedactionSpan {
  start: number;
  end: number;
  kind: 'name' | 'surname' | 'number';
}

/** Sorted, overlapping spans joined (a name wins over a surname it overlaps). */
export function mergeSpans(spans: RedactionSpan[]): RedactionSpan[] {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: RedactionSpan[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.start < last.end) {
      last.end = Math.max(last.end, s.end);
      if (s.kind !== last.kind) last.kind = s.kind === 'name' || last.kind === 'name' ? 'name' : 'number';
    } else out.push({ ...s });
  }
  return out;
}
