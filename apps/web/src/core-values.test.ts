import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const web = import.meta.dirname;
const core = resolve(web, '../../../packages/core/src');

function files(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return files(path, pattern);
    return pattern.test(e.name) && !e.name.includes('.test.') ? [path] : [];
  });
}

/** The values (not types) each web file imports from `@lianxin/core`. */
function valueImports(): Array<{ file: string; name: string }> {
  const out: Array<{ file: string; name: string }> = [];
  for (const file of files(web, /\.tsx?$/)) {
    const source = readFileSync(file, 'utf8');
    for (const [, typeOnly, list] of source.matchAll(/import\s+(type\s+)?\{([^}]*)\}\s+from\s+'@lianxin\/core'/g)) {
      if (typeOnly || !list) continue;
      for (const part of list.split(',').map((p) => p.trim()).filter(Boolean)) {
        if (part.startsWith('type ')) continue;
        out.push({ file: relative(web, file), name: part.split(/\s+as\s+/)[0]! });
      }
    }
  }
  return out;
}

describe('what the web takes from @lianxin/core', () => {
  // A value defined beside Zod schemas brings its whole contract module, and Zod, into every page
  // that uses it (about 30 KB gzipped); the screens' vocabularies live in contracts/values.ts.
  it('takes no value from a module that builds Zod schemas', () => {
    const definedIn = new Map<string, string>();
    for (const file of files(core, /\.ts$/)) {
      const source = readFileSync(file, 'utf8');
      for (const [, name] of source.matchAll(/^export (?:const|function|class|let) (\w+)/gm)) definedIn.set(name!, file);
    }
    const imports = valueImports();
    expect(imports.length).toBeGreaterThan(50);
    const withZod = imports
      .filter(({ name }) => {
        const file = definedIn.get(name);
        return file && /from 'zod'/.test(readFileSync(file, 'utf8'));
      })
      .map(({ file, name }) => `${file}: ${name} (${relative(core, definedIn.get(name)!)})`);
    expect(withZod).toEqual([]);
  });
});
