import { ApiError, type FieldProblem } from '../api/client';

/** A form field path as Ant Design names it (`['grants', 0, 'unitId']`). */
export type FieldPath = (string | number)[];

/** The server's field name ("grants.0.unitId") as a form path; numeric parts become list indexes. */
export const toFieldPath = (field: string): FieldPath => field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * Splits the field errors of a problem+json answer into those a form can show under a field
 * (`known` names the form's top-level fields) and the rest, which the page shows as one message.
 * Several messages for one field are kept together.
 */
export function placeFieldErrors(problems: readonly FieldProblem[], known: readonly string[]): { placed: { name: FieldPath; errors: string[] }[]; rest: string[] } {
  const placed = new Map<string, { name: FieldPath; errors: string[] }>();
  const rest: string[] = [];
  for (const p of problems) {
    const name = toFieldPath(p.field);
    if (!known.includes(String(name[0]))) {
      rest.push(p.message);
      continue;
    }
    const entry = placed.get(p.field) ?? { name, errors: [] };
    if (!entry.errors.includes(p.message)) entry.errors.push(p.message);
    placed.set(p.field, entry);
  }
  return { placed: [...placed.values()], rest };
}

/** Leaves only the keys that changed (for PATCH bodies); `null` clears, `undefined` is dropped. */
export function changedFields<T extends Record<string, unknown>>(before: Partial<T>, after: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    const value = after[key];
    if (value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(before[key])) out[key] = value;
  }
  return out;
}

/** A form that can show errors under its fields (Ant Design's FormInstance, as far as needed here). */
interface FieldErrorTarget {
  setFields: (fields: Array<{ name: never; errors: string[] }>) => void;
}

/**
 * After a failed save: the server's field errors go under the form's fields (`fields` names them;
 * `rename` maps API field names to the form's first), and the rest is returned as one message —
 * the problem's title when every error found its field, or the error itself when it is not an API answer.
 */
export function showSaveError(form: FieldErrorTarget, error: unknown, fields: readonly string[], rename: (problems: FieldProblem[]) => FieldProblem[] = (p) => p): string {
  if (!(error instanceof ApiError)) return String(error);
  const { placed, rest } = placeFieldErrors(rename(error.fieldErrors), fields);
  form.setFields(placed.map((p) => ({ name: p.name as never, errors: p.errors })));
  return rest.length ? rest.join('；') : error.title;
}
