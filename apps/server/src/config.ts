import { resolve } from 'node:path';

/** Everything the server reads from the environment, in one place. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  /** PostgreSQL only: a streaming replica for the heavy reads (metrics, exports, search, map, bulletins). */
  databaseReadUrl?: string;
  /** PostgreSQL only: work in this (existing) schema instead of the default one. */
  databaseSchema?: string;
  /** Base64 32-byte key for personal data; when absent a key file in dataDir is used/created. */
  dataKey?: string;
  /** Public address used in links sent to residents (evaluation links). */
  publicBaseUrl: string;
  /** Mark cookies Secure (behind HTTPS). */
  secureCookies: boolean;
  /** Exposes /api/test/* (moving the clock). Never set in production. */
  enableTestHooks: boolean;
  /** Answers outside their response contract are errors, not silently trimmed (tests). */
  strictResponses: boolean;
  /** Run the scheduled jobs (time-limit sweep) inside the server process. */
  runJobs: boolean;
  logLevel: string;
  /** Base-map tile URL template (e.g. 天地图 with its key); without one the map draws the platform's own areas. */
  tileUrl?: string;
  /** Attribution shown under a configured base map. */
  tileAttribution?: string;
  /** Sign-in attempts per minute per address and user name. */
  signInsPerMinute: number;
  /** Proxies whose X-Forwarded-For is believed (addresses or CIDRs); none by default. */
  trustedProxies: string[];
  /** Built web pages to serve (default: apps/web/dist). */
  webDist?: string;
  /** The public hotline printed on contact cards and shown on the portal. */
  hotline: string;
  /** Hours between scheduled retrainings of the category/unit suggestion models (0: only on demand). */
  retrainHours?: number;
  // — notices —
  /** Heartbeat of the live notice stream (LIANXIN_NOTICE_HEARTBEAT_SECONDS, default 25 s), under any proxy's idle timeout. */
  noticeHeartbeatMs?: number;
  // — several processes (issue 19) —
  /** Seconds between time-limit sweeps (LIANXIN_SWEEP_SECONDS, default 60). */
  sweepSeconds?: number;
}

/** Reads the configuration from `env` (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.LIANXIN_DATA_DIR ?? 'data');
  const port = Number(env.PORT ?? 3000);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || resolve(dataDir, 'lianxin.sqlite'),
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    databaseSchema: env.DATABASE_SCHEMA || undefined,
    dataKey: env.LIANXIN_DATA_KEY || undefined,
    publicBaseUrl: env.PUBLIC_BASE_URL ?? `http://localhost:${port}`,
    secureCookies: env.SECURE_COOKIES === 'true',
    enableTestHooks: env.LIANXIN_TEST_HOOKS === 'true',
    strictResponses: env.LIANXIN_STRICT_RESPONSES === 'true',
    runJobs: env.LIANXIN_JOBS !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    tileUrl: env.LIANXIN_TILE_URL || undefined,
    tileAttribution: env.LIANXIN_TILE_ATTRIBUTION || undefined,
    hotline: env.LIANXIN_HOTLINE || '12345',
    webDist: env.LIANXIN_WEB_DIST || undefined,
    signInsPerMinute: Number(env.LIANXIN_SIGNINS_PER_MINUTE) || 10,
    trustedProxies: (env.LIANXIN_TRUSTED_PROXIES ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    retrainHours: retrainHoursOf(env.LIANXIN_RETRAIN_HOURS),
    // — notices —
    noticeHeartbeatMs: (Number(env.LIANXIN_NOTICE_HEARTBEAT_SECONDS) || 25) * 1000,
    // — several processes (issue 19) —
    sweepSeconds: Number(env.LIANXIN_SWEEP_SECONDS) > 0 ? Number(env.LIANXIN_SWEEP_SECONDS) : 60,
  };
}

/** LIANXIN_RETRAIN_HOURS: hours from 0 (off) to 596, default 24; anything else is a startup error. */
function retrainHoursOf(value: string | undefined): number {
  if (value === undefined || value === '') return 24;
  const hours = Number(value);
  // Timers take at most 2^31 − 1 ms (24.8 days); a longer interval would fire at once.
  if (!Number.isFinite(hours) || hours < 0 || hours > 596) throw new Error(`LIANXIN_RETRAIN_HOURS must be a number of hours from 0 to 596, not "${value}"`);
  return hours;
}
