import type { IssueTokenInput } from '#libs/auth';

/** Mints tokens the service accepts: a DevTokenIssuer on the service's data directory, or a test API's. */
export interface TokenIssuer {
  issue(input: IssueTokenInput): Promise<string>;
}

/** Who sends a command: the token the seed mints for it (dev mode). */
export type Who =
  { role: 'ministry' } | { role: 'governor'; office: string } | { role: 'school_owner'; org: string } | { role: 'university'; org: string };

export interface Step {
  /** Stable name of the step; with the seed it makes the Idempotency-Key. */
  key: string;
  method: 'POST' | 'PUT';
  path: string;
  who: Who;
  body?: unknown;
  /** A 409 'conflict' (it exists already, e.g. made by an earlier run with another key) counts as done. */
  doneIfExists?: boolean;
}

export class SeedStepError extends Error {
  constructor(
    readonly step: Step,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(
      `seed step ${step.key} (${step.method} ${step.path}) answered ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`,
    );
    this.name = 'SeedStepError';
  }
}

export interface ClientStats {
  sent: number;
  replayed: number;
  existed: number;
  retries: number;
}

const MINISTRY_ORG = '972417750';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** At most `max` requests in flight; waiters are served in order. */
class Semaphore {
  private active = 0;
  private readonly waiting: Array<() => void> = [];
  constructor(private readonly max: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.max) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}

/**
 * Sends the seed's commands to the service over HTTP, like any client: a bearer token per actor, an Idempotency-Key
 * per step (a replay answers the first response and writes nothing), retries on 503 (read models catching up) and
 * on 409 concurrency conflicts (nothing was written), a bounded number in flight.
 */
export class SeedClient {
  readonly stats: ClientStats = { sent: 0, replayed: 0, existed: 0, retries: 0 };
  /** Time spent per endpoint (ms, count), for SEED_TIMING=1. */
  readonly timing = new Map<string, { ms: number; n: number }>();
  /** The highest global position any command answered: reads wait for it before depending on read models. */
  maxPosition = 0;
  private readonly tokens = new Map<string, Promise<string>>();
  private readonly gate: Semaphore;
  private failed: Error | null = null;
  onStep: () => void = () => undefined;

  constructor(
    readonly baseUrl: string,
    private readonly issuer: TokenIssuer,
    private readonly keyPrefix: string,
    concurrency: number,
  ) {
    this.gate = new Semaphore(concurrency);
  }

  token(who: Who): Promise<string> {
    const id = who.role === 'ministry' ? 'ministry' : who.role === 'governor' ? `governor:${who.office}` : `${who.role}:${who.org}`;
    let t = this.tokens.get(id);
    if (!t) {
      t =
        who.role === 'ministry'
          ? this.issuer.issue({ role: 'ministry', org: MINISTRY_ORG, subject: 'seed:ministry', ttl: '12h' })
          : who.role === 'governor'
            ? this.issuer.issue({ role: 'governor', office: who.office, subject: `seed:governor:${who.office}`, ttl: '12h' })
            : this.issuer.issue({ role: who.role, org: who.org, subject: `seed:${who.role}:${who.org}`, ttl: '12h' });
      this.tokens.set(id, t);
    }
    return t;
  }

  /** Sends one step; answers the response body, or null for a step that existed already. */
  async send<T = any>(step: Step, keyPrefix = this.keyPrefix): Promise<T | null> {
    if (this.failed) throw this.failed;
    const token = await this.token(step.who);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `${keyPrefix}:${step.key}` };
    const body = JSON.stringify(step.body ?? {});
    for (let attempt = 0; ; attempt++) {
      await this.gate.acquire();
      let status: number;
      let text: string;
      let replayed: boolean;
      let retryAfter: number;
      const t0 = performance.now();
      try {
        const res = await fetch(this.baseUrl + step.path, { method: step.method, headers, body });
        status = res.status;
        replayed = res.headers.get('idempotent-replayed') === 'true';
        retryAfter = Number(res.headers.get('retry-after') ?? 1) || 1;
        text = await res.text();
      } catch (error) {
        this.gate.release();
        if (attempt < 8) {
          this.stats.retries++;
          await sleep(200 * (attempt + 1));
          continue;
        }
        throw this.fail(new Error(`seed step ${step.key}: ${error instanceof Error ? error.message : String(error)}`));
      }
      this.gate.release();
      const kind = `${step.method} ${step.path
        .split('/')
        .map((seg) => (/\d/.test(seg) ? ':id' : seg))
        .join('/')}`;
      const t = this.timing.get(kind) ?? { ms: 0, n: 0 };
      t.ms += performance.now() - t0;
      t.n++;
      this.timing.set(kind, t);
      let parsed: any = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        /* keep the text */
      }
      if (status >= 200 && status < 300) {
        this.stats.sent++;
        if (replayed) this.stats.replayed++;
        const position = Number(parsed?.position ?? 0);
        if (position > this.maxPosition) this.maxPosition = position;
        this.onStep();
        return parsed as T;
      }
      const type = typeof parsed?.type === 'string' ? (parsed.type as string) : '';
      if (status === 409 && type.endsWith('/conflict') && step.doneIfExists) {
        this.stats.sent++;
        this.stats.existed++;
        this.onStep();
        return null;
      }
      if (status === 429 && attempt < 12) {
        // The service's rate limit per token: wait as long as it says (bounded), then go on.
        this.stats.retries++;
        await sleep(Math.min(retryAfter, 30) * 1000);
        continue;
      }
      const transient = status === 503 || status === 502 || (status === 409 && type.endsWith('/concurrency-conflict'));
      if (transient && attempt < 12) {
        this.stats.retries++;
        await sleep(50 * (attempt + 1) + (Math.floor(attempt * 37) % 50));
        continue;
      }
      if (status === 401) {
        throw this.fail(
          new Error(
            `the service at ${this.baseUrl} refused the seed's token (401): run the seed with the service's DATA_DIR, whose keys/ sign dev-mode tokens, and AUTH_MODE=dev`,
          ),
        );
      }
      throw this.fail(new SeedStepError(step, status, parsed));
    }
  }

  /** Waits (bounded per try, retried) until the read models have passed every position this client wrote. */
  async waitForReadModels(): Promise<void> {
    const token = await this.token({ role: 'ministry' });
    for (let attempt = 0; attempt < 120; attempt++) {
      const res = await fetch(`${this.baseUrl}/calls?minPosition=${this.maxPosition}`, { headers: { authorization: `Bearer ${token}` } });
      await res.text();
      if (res.status === 200) return;
      if (res.status !== 503) throw this.fail(new Error(`waiting for the read models: ${res.status}`));
    }
    throw this.fail(new Error(`the read models did not reach position ${this.maxPosition}`));
  }

  async get<T = any>(path: string, who: Who = { role: 'ministry' }): Promise<T> {
    const res = await fetch(this.baseUrl + path, { headers: { authorization: `Bearer ${await this.token(who)}` } });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }

  /** Every row of a list, following its `Link: <…>; rel="next"` pages (unpaged lists answer in one). */
  async list<T>(path: string, who: Who = { role: 'ministry' }): Promise<T[]> {
    const rows: T[] = [];
    let next: string | null = path;
    while (next) {
      const res = await fetch(this.baseUrl + next, { headers: { authorization: `Bearer ${await this.token(who)}` } });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`GET ${next}: ${res.status} ${text}`);
      rows.push(...(JSON.parse(text) as T[]));
      next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1] ?? null;
    }
    return rows;
  }

  private fail(error: Error): Error {
    this.failed ??= error;
    return error;
  }
}
