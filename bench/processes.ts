import { type ChildProcess, spawn } from 'node:child_process';
import { type AddressInfo, createServer } from 'node:net';

/** A port the kernel says is free now (benches never use fixed ports: runs may overlap). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

/** Starts `script` under tsx and waits until `readyUrl` answers (a 1 M-case server may take minutes). */
export async function startProcess(script: string, env: Record<string, string>, readyUrl: string, { cwd = process.cwd(), waitMs = 300_000 } = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'] });
  let exited: number | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  for (let waited = 0; waited < waitMs; waited += 250) {
    if (exited !== null) throw new Error(`${script} exited with ${exited}`);
    try {
      if ((await fetch(readyUrl)).status < 500) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error(`${script} did not start`);
}
