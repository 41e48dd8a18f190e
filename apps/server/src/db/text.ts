import { type Expression, sql } from 'kysely';

/**
 * `column` contains `text`, ignoring ASCII case, with % and _ in the text taken literally. The
 * ESCAPE clause is spelled out because SQLite, unlike PostgreSQL, has no default escape character.
 */
export function containsText(column: Expression<string>, text: string) {
  const pattern = `%${text.toLowerCase().replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
  return sql<boolean>`lower(${column}) like ${pattern} escape '\\'`;
}

