import { call } from '../../api/client';

/** The case with exactly this tracking code among those the user may see (a unique-index lookup), or undefined. */
export async function findCaseByCode(code: string): Promise<{ id: string; code: string; title: string } | undefined> {
  const wanted = code.trim();
  if (!wanted) return undefined;
  return (await call('GET /api/cases', { query: { code: wanted, limit: 1 } })).items[0];
}
