/**
 * What an update really changes: the fields of `next` that are given (not undefined) and differ
 * from `current`, with their old values — for the UPDATE statement and the audit entry.
 */
export function diffChanges<T extends object>(current: T, next: { [K in keyof T]?: T[K] }): { changes: Partial<T>; before: Partial<T> } {
  const changes: Partial<T> = {};
  const before: Partial<T> = {};
  for (const key of Object.keys(next) as Array<keyof T>) {
    const value = next[key];
    if (value === undefined || value === current[key]) continue;
    changes[key] = value;
    before[key] = current[key];
  }
  return { changes, before };
}

/** True when a change set is empty. */
export const isEmpty = (changes: object) => Object.keys(changes).length === 0;
