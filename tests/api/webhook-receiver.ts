import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface Received {
  path: string;
  deliveryId: string;
  signature: string;
  raw: string;
  body: { deliveryId: string; kind: string; event: string; occurredAt: string; position: number; data: any };
}

/** What a path answers: a status, or 'hold' to keep the request open until released (a slow receiver). */
export type Answer = number | 'hold';

/** A real HTTP receiver on 127.0.0.1 that records every delivery and answers as each path is told to. */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private server!: Server;
  private readonly answers = new Map<string, (r: Received, nth: number) => Answer>();
  private held: ServerResponse[] = [];
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
    return this;
  }

  /** How `path` answers; `nth` counts the requests of the same delivery id (1 on the first). */
  answer(path: string, fn: (r: Received, nth: number) => Answer): void {
    this.answers.set(path, fn);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Answers every held request with 200. */
  release(): void {
    for (const res of this.held.splice(0)) if (!res.writableEnded) res.writeHead(200).end();
  }

  async waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${what}; received ${JSON.stringify(this.received.map((r) => [r.path, r.body.kind, r.body.position]))}`,
        );
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  async close(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const r: Received = {
        path: req.url ?? '/',
        deliveryId: String(req.headers['dekomp-delivery']),
        signature: String(req.headers['dekomp-signature']),
        raw,
        body: JSON.parse(raw),
      };
      this.received.push(r);
      const nth = this.received.filter((x) => x.path === r.path && x.deliveryId === r.deliveryId).length;
      const answer = this.answers.get(r.path)?.(r, nth) ?? 200;
      if (answer === 'hold') this.held.push(res);
      else res.writeHead(answer).end();
    });
  }
}
