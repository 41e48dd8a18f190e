import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../../..');

/** A real server process (`main.ts start`) as a test runs it: its address, its output, and stopping it. */
export interface ServerProcess {
  base: string;
  child: ChildProcess;
  /** Milliseconds from spawning to the first health check answered. */
  startedInMs: number;
  /**
   * Milliseconds from the server's own "listening" log line (LOG_LEVEL=info) to the first health
   * check answered (checks every 50 ms); null when the level hides the line.
   */
  answeredAfterListenMs: number | null;
  output(): string;
  stop(): Promise<void>;
}

/** Environment every test server gets; `env` adds to or overrides it. */
export function serverEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'warn', LIANXIN_DATA_KEY: Buffer.alloc(32, 7).toString('base64'), ...env };
  // A SQLite server has no replica: the PostgreSQL pass's test replica (global-setup.ts) is not its.
  if (!merged.DATABASE_URL) merged.DATABASE_READ_URL = '';
  return merged;
}

/** Starts `main.ts start` on `port` and waits until /api/health answers. */
export async function startServerProcess(port: number, env: Record<string, string>, timeoutMs = 180_000): Promise<ServerProcess> {
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts', 'start'], { cwd: ROOT, env: serverEnv({ PORT: String(port), ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let listeningAt: number | null = null;
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (listeningAt === null) {
      const line = text.split('\n').find((l) => l.includes('Server listening at'));
      const time = line ? /"time":(\d+)/.exec(line)?.[1] : undefined;
      if (time) listeningAt = Number(time);
    }
    out = (out + text).slice(-20_000);
  });
  child.stderr?.on('data', (chunk: Buffer) => (out = (out + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
  };
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited: ${out}`);
    try {
      if ((await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) })).ok) {
        const answeredAt = Date.now();
        // The log line may arrive a moment after the answer.
        for (let i = 0; i < 20 && listeningAt === null && /info|debug/.test(env.LOG_LEVEL ?? ''); i++) await new Promise((r) => setTimeout(r, 50));
        const answeredAfterListenMs = listeningAt === null ? null : answeredAt - listeningAt;
        return { base, child, startedInMs: Math.round(performance.now() - started), answeredAfterListenMs, output: () => out, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  await stop();
  throw new Error(`server on ${port} did not start: ${out}`);
}

/** A signed-in caller of a server process: session cookie and CSRF header. */
export async function signIn(base: string, username: string, password: string) {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!response.ok) throw new Error(`sign-in of ${username} failed: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers.get('set-cookie')!.split(';')[0];
  const headers = { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken };
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };
  return { cookie, headers, get: (path: string) => send('GET', path), post: (path: string, body?: unknown) => send('POST', path, body ?? {}), patch: (path: string, body: unknown) => send('PATCH', path, body) };
}
