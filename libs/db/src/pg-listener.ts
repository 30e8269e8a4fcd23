import pg from 'pg';

const RECONNECT_MS = [100, 250, 500, 1_000, 2_000];

/**
 * LISTEN on one connection of its own. When the connection drops (server restart, pg_terminate_backend) it
 * reconnects with a short back-off and LISTENs again on every channel; a notification lost meanwhile only
 * delays its readers, which poll as well.
 */
export class PgListener {
  private client?: pg.Client;
  private connecting?: Promise<pg.Client>;
  private readonly channels = new Map<string, Set<(payload: string) => void>>();
  private closed = false;
  private attempt = 0;
  private timer?: NodeJS.Timeout;

  constructor(private readonly connectionString: string) {}

  async listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>> {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
    const client = await this.connected();
    let set = this.channels.get(channel);
    if (!set) {
      set = new Set();
      this.channels.set(channel, set);
      await client.query(`LISTEN ${channel}`);
    }
    set.add(onPayload);
    const subscribers = set;
    return async () => {
      subscribers.delete(onPayload);
    };
  }

  private connected(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: 15_000 });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    client.on('notification', (msg) => {
      for (const cb of this.channels.get(msg.channel) ?? []) cb(msg.payload ?? '');
    });
    await client.connect();
    for (const channel of this.channels.keys()) await client.query(`LISTEN ${channel}`);
    this.client = client;
    this.attempt = 0;
    return client;
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = undefined;
    void client.end().catch(() => undefined);
    this.reconnectSoon();
  }

  private reconnectSoon(): void {
    if (this.closed || this.timer || this.channels.size === 0) return;
    const wait = RECONNECT_MS[Math.min(this.attempt++, RECONNECT_MS.length - 1)];
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.closed || this.client) return;
      this.connected().catch(() => this.reconnectSoon());
    }, wait);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}
