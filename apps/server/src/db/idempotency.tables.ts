/**
 * Row types of the idempotency keys of queued writes (migration 2026120811_idempotency_keys).
 * `DB` in schema.ts extends this.
 */
export interface IdempotencyKeyTable {
  userId: string;
  key: string;
  /** `METHOD /api/…` of the operation the key was first used with. */
  operation: string;
  /** sha256 of the operation, its path parameters and its JSON body: the same key with another request is refused. */
  requestHash: string;
  state: 'pending' | 'done';
  statusCode: number | null;
  /** The first answer, as JSON. */
  response: string | null;
  createdAt: string;
  completedAt: string | null;
}

export interface IdempotencyTables {
  idempotencyKeys: IdempotencyKeyTable;
}
