import { describe, expect, it } from 'vitest';
import { documentedAccessTable, renderAccessTable } from './access-table.js';

describe('the access table in docs/ARCHITECTURE.md', () => {
  it('is the one the access rules give (npm run docs:access rewrites it)', () => {
    expect(documentedAccessTable()).toBe(renderAccessTable());
  });
});
