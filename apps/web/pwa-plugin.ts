import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/** Console pages whose code the service worker keeps ahead of need: the stationed cadre's field work. */
const FIELD_PAGES = /\/src\/console\/(shell|offline|visits|households|campaigns|workbench)\//;

/**
 * Emits the two service workers (issue 17): `/sw.js` for the console, which precaches the console
 * shell and the field pages' chunks (found in the bundle's import graph) so a cadre's phone opens
 * them without signal; `/m/sw.js` for the portal, which keeps only its offline page, so the
 * residents' first load stays as small as before. Written here rather than with Workbox: two apps
 * with two scopes from one build, about 100 lines of worker, no build-time dependency tree.
 */
export function pwaPlugin(): Plugin {
  return {
    name: 'lianxin-pwa',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = consoleFiles(bundle);
      const precache = ['/', '/manifest.webmanifest', '/icon-192.png', '/icon-512.png', ...[...files].sort().map((f) => `/${f}`)];
      const version = createHash('sha256').update(precache.join('\n')).digest('hex').slice(0, 12);
      const fill = (file: string, extra: Record<string, string> = {}) =>
        Object.entries({ __VERSION__: JSON.stringify(version), ...extra }).reduce((text, [k, v]) => text.replace(k, v), readFileSync(resolve(import.meta.dirname, 'sw', file), 'utf8'));
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: fill('console-sw.js', { __PRECACHE__: JSON.stringify(precache) }) });
      this.emitFile({ type: 'asset', fileName: 'm/sw.js', source: fill('portal-sw.js') });
    },
  };
}

/** The console entry's files with everything it imports, and the field pages' chunks with theirs. */
function consoleFiles(bundle: OutputBundle): Set<string> {
  const chunks = Object.values(bundle).filter((o): o is OutputChunk => o.type === 'chunk');
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const out = new Set<string>();
  const add = (chunk: OutputChunk | undefined) => {
    if (!chunk || out.has(chunk.fileName)) return;
    out.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) out.add(css);
    for (const file of chunk.imports) add(byName.get(file));
    for (const file of chunk.dynamicImports) {
      const target = byName.get(file);
      if (target?.facadeModuleId && FIELD_PAGES.test(target.facadeModuleId.replace(/\\/g, '/'))) add(target);
    }
  };
  add(chunks.find((c) => c.isEntry && c.name === 'console'));
  return out;
}
