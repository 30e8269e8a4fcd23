/** How the delivery worker sends; from the environment (WEBHOOK_*), small in tests. */
export interface DeliverySettings {
  /** Off: nothing is sent (deliveries still queue). WEBHOOK_DELIVERY=off. */
  enabled: boolean;
  /** Attempts before a delivery goes to the dead letters. */
  maxAttempts: number;
  /** Backoff after the first failure; doubles each time, up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** Per request (AbortSignal.timeout). */
  timeoutMs: number;
  /** How long a claimed row is leased to this process: longer than the timeout, so no two send it at once. */
  leaseMs: number;
  /** How often the worker looks for due deliveries when idle. */
  pollMs: number;
  /** Rows claimed at once. */
  batchSize: number;
}

export const DELIVERY_SETTINGS = Symbol('WEBHOOK_DELIVERY_SETTINGS');

function int(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new Error(`${name}: must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}`);
  return n;
}

export function deliverySettingsFrom(env: Record<string, string | undefined>): DeliverySettings {
  const timeoutMs = int(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000);
  return {
    enabled: env.WEBHOOK_DELIVERY !== 'off',
    maxAttempts: int(env, 'WEBHOOK_MAX_ATTEMPTS', 8, 1, 50),
    backoffMs: int(env, 'WEBHOOK_BACKOFF_MS', 5_000, 1, 3_600_000),
    maxBackoffMs: int(env, 'WEBHOOK_MAX_BACKOFF_MS', 3_600_000, 1, 86_400_000),
    timeoutMs,
    leaseMs: int(env, 'WEBHOOK_LEASE_MS', timeoutMs + 5_000, timeoutMs + 1, 600_000),
    pollMs: int(env, 'WEBHOOK_POLL_MS', 500, 10, 60_000),
    batchSize: int(env, 'WEBHOOK_BATCH_SIZE', 20, 1, 500),
  };
}
