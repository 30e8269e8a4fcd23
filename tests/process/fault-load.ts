import { orgNumberCheckDigit } from '#libs/reference-data';

/** One command sent with an Idempotency-Key, and what its first attempt got (status and body, or no answer). */
export interface Attempt {
  key: string;
  orgNumber: string;
  body: Record<string, string>;
  status: number | 'no answer';
  text: string;
  retryAfter: string | null;
  /** Dekomp-Position of a written (or replayed) command. */
  position: number;
  /** When the answer came (epoch ms). */
  at: number;
}

export const acknowledged = (a: Attempt) => typeof a.status === 'number' && a.status >= 200 && a.status < 300;

/** Valid organisation numbers (mod 11, R19), each once: the `n`-th from a run's own range. */
export function* orgNumbers(prefix: string): Generator<string> {
  for (let n = 0; ; n++) {
    const first8 = `${prefix}${String(n).padStart(8 - prefix.length, '0')}`;
    const digit = orgNumberCheckDigit(first8);
    if (digit !== undefined) yield `${first8}${digit}`;
  }
}

/** A registration of a private school owner (cheap: one event on a new stream). */
export function registration(orgNumber: string): Record<string, string> {
  return { orgNumber, name: `Feilprøve friskole ${orgNumber}`, kind: 'private_owner', municipalityNumber: '1103' };
}

export async function send(url: string, token: string, key: string, body: unknown, timeoutMs = 10_000) {
  const res = await fetch(`${url}/organisations`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    retryAfter: res.headers.get('retry-after'),
    position: Number(res.headers.get('dekomp-position') ?? 0),
    at: Date.now(),
  };
}

/**
 * A few concurrent clients registering organisations, each with its own Idempotency-Key, until stopped. Every
 * attempt is recorded with its first answer; a request that gets none (the service died) is "no answer". A request
 * that hangs past 10 s counts as no answer too, and is reported by `hung`.
 */
export class WriteLoad {
  readonly attempts: Attempt[] = [];
  hung = 0;
  private running = true;
  private readonly done: Promise<void[]>;

  constructor(url: () => string, token: string, numbers: Generator<string>, keyPrefix: string, clients = 4) {
    let seq = 0;
    const client = async () => {
      while (this.running) {
        const orgNumber = numbers.next().value as string;
        const attempt: Attempt = {
          key: `${keyPrefix}-${seq++}`,
          orgNumber,
          body: registration(orgNumber),
          status: 'no answer',
          text: '',
          retryAfter: null,
          position: 0,
          at: 0,
        };
        this.attempts.push(attempt);
        try {
          Object.assign(attempt, await send(url(), token, attempt.key, attempt.body));
        } catch (error) {
          if ((error as Error).name === 'TimeoutError') this.hung++;
          await new Promise((r) => setTimeout(r, 20)); // the service is down: do not spin
        }
        if (attempt.status === 503) await new Promise((r) => setTimeout(r, 20));
      }
    };
    this.done = Promise.all(Array.from({ length: clients }, client));
  }

  acknowledgedCount(): number {
    return this.attempts.filter(acknowledged).length;
  }

  /** Resolves once `n` more writes have been acknowledged (or `ms` passed). */
  async untilAcknowledged(n: number, ms: number): Promise<void> {
    const target = this.acknowledgedCount() + n;
    const until = Date.now() + ms;
    while (this.acknowledgedCount() < target && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}
