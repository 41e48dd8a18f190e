import type { Services } from '../services.js';

/** Scheduled work inside the server process; returns a handle to stop it. */
export function startJobs(services: Services): { stop(): void } {
  void services;
  return { stop() {} };
}
