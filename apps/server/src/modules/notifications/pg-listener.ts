import pg from 'pg';

/** A PostgreSQL connection of its own that LISTENs on one channel and comes back when lost. */
export interface PgListener {
  /** Resolves once listening (connects on first use). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

export interface PgListenerOptions {
  url: string;
  channel: string;
  onPayload(payload: string): void;
  /** Called when listening again after a lost connection. */
  onReconnect(): void;
  onError?: (error: unknown) => void;
  /** Wait before connecting again. */
  retryMs?: number;
}

export function createPgListener({ url, channel, onPayload, onReconnect, onError, retryMs = 1000 }: PgListenerOptions): PgListener {
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  let everConnected = false;
  let retry: NodeJS.Timeout | null = null;

  const lost = (client: pg.Client, error?: unknown) => {
    if (error) onError?.(error);
    client.removeAllListeners();
    client.on('error', () => {});
    void client.end().catch(() => {});
    connecting = null;
    if (!closed && !retry) {
      retry = setTimeout(() => {
        retry = null;
        if (!closed) void connect().catch((e) => onError?.(e));
      }, retryMs);
      retry.unref();
    }
  };

  const connect = (): Promise<pg.Client> => {
    if (connecting) return connecting;
    const attempt = (async () => {
      const client = new pg.Client({ connectionString: url });
      client.on('error', (error) => lost(client, error));
      client.on('end', () => {
        if (!closed) lost(client);
      });
      client.on('notification', (message) => {
        if (message.channel === channel && message.payload) onPayload(message.payload);
      });
      try {
        await client.connect();
        await client.query(`LISTEN "${channel.replaceAll('"', '')}"`);
      } catch (error) {
        lost(client, error);
        throw error;
      }
      if (everConnected) onReconnect();
      everConnected = true;
      return client;
    })();
    connecting = attempt;
    return attempt;
  };

  return {
    async ready() {
      if (closed) throw new Error('the notice listener is closed');
      await connect();
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const current = connecting;
      connecting = null;
      if (!current) return;
      const client = await current.catch(() => null);
      if (!client) return;
      client.removeAllListeners();
      client.on('error', () => {});
      await client.end().catch(() => {});
    },
  };
}
