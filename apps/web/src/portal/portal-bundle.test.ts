import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const web = resolve(import.meta.dirname, '..');
const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The file a relative import names, as the bundler resolves it. */
function resolveImport(from: string, specifier: string): string | null {
  const base = resolve(dirname(from), specifier);
  return EXTENSIONS.map((ext) => base + ext).find((path) => existsSync(path) && /\.tsx?$/.test(path)) ?? null;
}

/** Every source file of the web app that `entry` reaches through static and lazy imports. */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)) {
      const target = resolveImport(file, specifier);
      if (target) queue.push(target);
    }
  }
  return [...seen].map((path) => relative(web, path));
}

describe("the residents' portal bundle", () => {
  it('reaches no console code, not even through shared pieces', () => {
    const files = reachable(resolve(web, 'portal/main.tsx'));
    // Shared pieces are reached (the language switch's words, the map), console code never.
    expect(files).toContain('shared/language-switch.messages.ts');
    expect(files).toContain('shared/map/MapView.tsx');
    expect(files.filter((f) => f.startsWith('console/'))).toEqual([]);
  });
});
