import type { Dialect } from '../../db/database.js';
import type { HealthRepository } from './health.repository.js';

/** Whether the database answers; no actor, as monitoring calls it without a session. */
export function createHealthService({ repo, dialect }: { repo: HealthRepository; dialect: Dialect }) {
  return {
    async check(): Promise<{ status: 'ok' | 'unavailable'; database: Dialect }> {
      try {
        await repo.ping();
        return { status: 'ok', database: dialect };
      } catch {
        return { status: 'unavailable', database: dialect };
      }
    },
  };
}
export type HealthService = ReturnType<typeof createHealthService>;
