/**
 * Before `npm test` (and `npm run test:e2e`): the browser tests need Chromium and a CJK font. When
 * they are missing, this installs them with apt where it may (as root, like `.ci/run`); otherwise
 * it stops at once with one sentence naming the command to run. Set LIANXIN_NO_INSTALL=1 to never
 * install (the sentence only).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PACKAGES = ['chromium', 'fonts-noto-cjk'];
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function missingTools(): string[] {
  const missing: string[] = [];
  if (!existsSync(chromiumPath)) missing.push('chromium');
  let fonts = '';
  try {
    fonts = execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    /* no fontconfig: no font either */
  }
  // The serif (Noto Serif CJK SC, 思源宋体) too: official documents set their body in it (GB/T 9704).
  if (!/Serif CJK/i.test(fonts)) missing.push('fonts-noto-cjk');
  return missing;
}

function mayInstall(): boolean {
  if (process.env.LIANXIN_NO_INSTALL === '1') return false;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return false;
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

function main(): void {
  let missing = missingTools();
  if (missing.length === 0) return;
  const command = `sudo apt-get install -y ${PACKAGES.join(' ')}`;
  if (mayInstall()) {
    console.log(`Installing what the browser tests need (${missing.join(', ')}) with apt…`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], { stdio: 'inherit', env }) : update;
    missing = missingTools();
    if (install.status === 0 && missing.length === 0) return;
  }
  const where = process.env.CHROMIUM_PATH ? ` (CHROMIUM_PATH is ${chromiumPath})` : '';
  console.error(`The browser tests need ${missing.join(' and ')}${where}: run \`${command}\` and then \`npm test\` again.`);
  process.exit(1);
}

main();
