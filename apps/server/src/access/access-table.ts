import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACCESS_RULES, CASE_ACTION_RULES, type Role, ROLES } from '@lianxin/core';

/**
 * "Who may do what", written from the access tables of `@lianxin/core` into docs/ARCHITECTURE.md
 * between the two markers. `npm run docs:access` rewrites it; a test fails when it is out of date.
 */

export const ARCHITECTURE_MD = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../docs/ARCHITECTURE.md');
const START = '<!-- access-table:start (npm run docs:access) -->';
const END = '<!-- access-table:end -->';

const roleList = (roles: readonly Role[]) => (roles.length === ROLES.length ? 'every role' : roles.map((r) => `\`${r}\``).join(', ') || '—');

/** The two tables, as Markdown. */
export function renderAccessTable(): string {
  const abilities = Object.entries(ACCESS_RULES).map(
    ([name, rule]) => `| \`${name}\` | ${rule.doc} | ${roleList(rule.roles)} | ${rule.reach === 'area' ? 'their unit’s area' : 'everywhere'} |`,
  );
  const actions = Object.entries(CASE_ACTION_RULES).map(
    ([action, rule]) => `| \`${action}\` | ${roleList(rule.overArea)} | ${roleList(rule.inCurrentUnit)} | ${rule.firstContact ? 'yes' : ''} |`,
  );
  return [
    '| ability | what it allows | roles | where |',
    '|---|---|---|---|',
    ...abilities,
    '',
    'Case actions, on a case the actor can see (the state machine decides *when*):',
    '',
    '| action | roles over the case’s area | roles in the unit handling it | first-contact owner |',
    '|---|---|---|---|',
    ...actions,
  ].join('\n');
}

/** The table as it stands in the document now (null without the markers). */
export function documentedAccessTable(text = readFileSync(ARCHITECTURE_MD, 'utf8')): string | null {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) return null;
  return text.slice(start + START.length, end).trim();
}

/** Writes the current table into the document, between the markers. */
export function writeAccessTable(): void {
  const text = readFileSync(ARCHITECTURE_MD, 'utf8');
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/ARCHITECTURE.md needs the markers ${START} … ${END}`);
  writeFileSync(ARCHITECTURE_MD, `${text.slice(0, start + START.length)}\n${renderAccessTable()}\n${text.slice(end)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) writeAccessTable();
