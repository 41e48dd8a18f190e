import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** A WAL checkpointer running beside the request thread; `stop` ends it with a last checkpoint. */
export interface Checkpointer {
  stop(): Promise<void>;
}

// Plain JavaScript, so the worker needs no TypeScript loader: its own connection to the file, a
// PASSIVE checkpoint every interval (it never waits for readers or the writer, nor blocks them),
// and a last one when told to stop.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('busy_timeout = 5000');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (error) { parentPort.postMessage({ error: String(error) }); } };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage('stopped');
  parentPort.close();
});
`;

/**
 * Takes the WAL checkpoints off the request path (issue 19): SQLite's automatic checkpoint runs
 * inside the commit that crosses 1,000 pages, on the one thread that answers requests, and writes
 * and syncs the database file there. The server turns it off (`wal_autocheckpoint = 0`) and this
 * worker thread checkpoints instead, on a connection of its own.
 *
 * Durability is unchanged: a commit is in the WAL file before it is acknowledged, and a killed
 * process leaves the WAL behind for the next open to recover.
 */
export function startCheckpointer(file: string, intervalMs = 1000, onError: (message: string) => void = () => {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, intervalMs } });
  worker.unref();
  worker.on('message', (message: unknown) => {
    if (typeof message === 'object' && message !== null && 'error' in message) onError(String((message as { error: unknown }).error));
  });
  worker.on('error', (error) => onError(String(error)));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        worker.postMessage('stop');
        // A worker that cannot answer (it failed to open the file) is ended.
        const timer = setTimeout(() => void worker.terminate(), 5000);
        await exited;
        clearTimeout(timer);
      })();
      return stopped;
    },
  };
}
