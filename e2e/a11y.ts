import { mkdirSync, writeFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 A and AA, the level the portal and the console promise. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
export const A11Y_DIR = 'test-results/a11y';

/**
 * Runs axe over the page as it stands and fails on any serious or critical violation, printing
 * one line per page (counts by impact) and keeping the full result as an artifact.
 */
export async function expectAccessible(page: Page, name: string, options: { exclude?: string[] } = {}): Promise<void> {
  // Ant Design's table measure row: a hidden sizing row (aria-hidden) it draws under scrolling tables, never reached.
  let builder = new AxeBuilder({ page }).withTags(TAGS).exclude('.ant-table-measure-row');
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  mkdirSync(A11Y_DIR, { recursive: true });
  writeFileSync(`${A11Y_DIR}/${name}.json`, JSON.stringify(results.violations, null, 2));
  const byImpact = (impact: string) => results.violations.filter((v) => v.impact === impact);
  const counts = ['critical', 'serious', 'moderate', 'minor'].map((i) => `${i} ${byImpact(i).length}`).join(', ');
  console.log(`axe ${name}: ${results.passes.length} rules passed; violations: ${counts}`);
  const blocking = [...byImpact('critical'), ...byImpact('serious')].map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(blocking, `${name}: serious or critical accessibility violations`).toEqual([]);
}
