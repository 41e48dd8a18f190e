import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The import graph has no cycles: not between module folders of the server (`modules/<name>`,
 * `access`, `jobs`, …), and not between files anywhere in server, web and core. Imports are read
 * from the source text (static `import … from` and `export … from`, dynamic `import()`), resolved
 * like TypeScript resolves them here (`.js` → `.ts`/`.tsx`, extension-less, `index`).
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SOURCES = ['apps/server/src', 'apps/web/src', 'packages/core/src'].map((d) => join(ROOT, d));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveImport(from: string, spec: string, files: Set<string>): string | null {
  if (!spec.startsWith('.')) return null;
  const base = resolve(dirname(from), spec).replace(/\.js$/, '');
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) if (files.has(candidate)) return candidate;
  return null;
}

/** Type-only imports count too: a cycle of types is still two modules that must be read together. */
function importGraph(): Map<string, Set<string>> {
  const files = new Set(SOURCES.flatMap(sourceFiles));
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    const targets = new Set<string>();
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveImport(file, match[1] ?? match[2], files);
      if (target && target !== file) targets.add(target);
    }
    graph.set(file, targets);
  }
  return graph;
}

/** Strongly connected components with more than one node (Tarjan). */
function cycles<T>(graph: Map<T, Set<T>>): T[][] {
  let index = 0;
  const indexOf = new Map<T, number>();
  const low = new Map<T, number>();
  const stack: T[] = [];
  const onStack = new Set<T>();
  const out: T[][] = [];
  const visit = (node: T) => {
    indexOf.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indexOf.get(next)!));
    }
    if (low.get(node) === indexOf.get(node)) {
      const component: T[] = [];
      let member: T;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) out.push(component);
    }
  };
  for (const node of graph.keys()) if (!indexOf.has(node)) visit(node);
  return out;
}

/**
 * The server folder a file belongs to: `modules/<name>`, or the top folder (access, jobs, db …).
 * The seed (`db/seed`) drives the real services, so it stands apart from the database layer.
 */
function serverFolder(file: string): string | null {
  const rel = relative(join(ROOT, 'apps/server/src'), file);
  if (rel.startsWith('..')) return null;
  const parts = rel.split('/');
  if (parts.length === 1) return 'app';
  if (parts[0] === 'db' && parts[1] === 'seed') return 'db/seed';
  return parts[0] === 'modules' ? `modules/${parts[1]}` : parts[0];
}

const graph = importGraph();

describe('the import graph', () => {
  it('has no cycle between the server’s module folders', () => {
    const folders = new Map<string, Set<string>>();
    for (const [file, targets] of graph) {
      const from = serverFolder(file);
      if (!from || from === 'app' || from === 'test') continue;
      const edges = folders.get(from) ?? new Set<string>();
      for (const target of targets) {
        const to = serverFolder(target);
        if (to && to !== from && to !== 'app' && to !== 'test') edges.add(to);
      }
      folders.set(from, edges);
    }
    expect(cycles(folders).map((c) => c.sort().join(' ↔ '))).toEqual([]);
  });

  it('has no cycle between files in server, web and core', () => {
    expect(cycles(graph).map((c) => c.map((f) => relative(ROOT, f)).sort().join(' ↔ '))).toEqual([]);
  });

  it('keeps the jobs out of the modules’ reach and the console out of the portal’s bundle', () => {
    const reaches = (fromPrefix: string, toPrefix: string) =>
      [...graph].flatMap(([file, targets]) => (relative(ROOT, file).startsWith(fromPrefix) ? [...targets].filter((t) => relative(ROOT, t).startsWith(toPrefix)).map((t) => `${relative(ROOT, file)} → ${relative(ROOT, t)}`) : []));
    expect(reaches('apps/server/src/modules/', 'apps/server/src/jobs/')).toEqual([]);
    expect(reaches('packages/core/', 'apps/')).toEqual([]);
    // The portal's bundle: everything reachable from its entry must stay outside the console.
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const next of graph.get(file) ?? []) walk(next);
    };
    walk(join(ROOT, 'apps/web/src/portal/main.tsx'));
    expect([...seen].map((f) => relative(ROOT, f)).filter((f) => f.startsWith('apps/web/src/console/'))).toEqual([]);
  });
});
