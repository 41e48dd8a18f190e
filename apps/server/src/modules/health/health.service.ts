import type { Dialect } from '../../db/database.js';
import type { HealthRepository } from './health.repository.js';

/** Whether the database answers and can read its data; no actor, as monitoring calls it without a session. */
export function createHealthService({ repo, dialect }: { repo: HealthRepository; dialect: Dialect }) {
  return {
    async check(): Promise<{ status: 'ok' | 'unavailable' | 'unhealthy'; database: Dialect }> {
      try {
        await repo.ping();
      } catch {
        return { status: 'unavailable', database: dialect };
      }
      try {
        await repo.read();
        return { status: 'ok', database: dialect };
      } catch {
        return { status: 'unhealthy', database: dialect };
      }
    },
  };
}
export type HealthService = ReturnType<typeof createHealthService>;
