import { Inject, Injectable, Logger, Optional, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { SqlClient } from '#libs/db';
import { OPERATION_OBSERVER, SQL_CLIENT, type OperationObserver } from '#libs/platform';
import { claimDue, recordAttempt, type AttemptResult, type ClaimedDelivery } from './outbox.js';
import { DELIVERY_SETTINGS, type DeliverySettings } from './delivery-settings.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signatureOf } from './signature.js';
import { WebhookSecrets } from './signing-key.js';

/** The JSON body of a delivery (the signature covers these exact bytes). */
export function deliveryBody(d: ClaimedDelivery): string {
  return JSON.stringify({
    deliveryId: d.deliveryId,
    kind: d.kind,
    event: d.eventType,
    occurredAt: d.occurredAt,
    position: d.position,
    data: d.data,
  });
}

/**
 * Sends the outbox: claims due rows, POSTs each (signed, with a timeout), records every attempt, backs off
 * exponentially, and dead-letters after the bounded number of attempts. At least once: a receiver dedupes on
 * Dekomp-Delivery. Started with the application, stopped (in-flight requests aborted, their rows due again at
 * once) before the database closes. Timing is wall-clock time, not the service CLOCK: a test or the seed that
 * fixes "today" freezes CLOCK.now(), which would stop every backoff.
 */
@Injectable()
export class DeliveryWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Webhooks');
  private running = false;
  private loopDone?: Promise<void>;
  private wake?: () => void;
  private readonly stopping = new AbortController();

  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    @Inject(DELIVERY_SETTINGS) private readonly settings: DeliverySettings,
    private readonly secrets: WebhookSecrets,
    @Optional() @Inject(OPERATION_OBSERVER) private readonly observer?: OperationObserver,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.enabled || this.running) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.stopping.abort();
    this.wake?.();
    await this.loopDone;
  }

  /** Look for due deliveries now (after a replay). */
  poke(): void {
    this.wake?.();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      let claimed: ClaimedDelivery[] = [];
      try {
        claimed = await claimDue(this.sql, new Date(), this.settings);
        await Promise.all(claimed.map((d) => this.deliver(d)));
      } catch (error) {
        if (this.running) this.log.warn({ msg: 'webhook delivery round failed; retrying', error: String(error) });
      }
      if (claimed.length === 0 && this.running) await this.idle();
    }
  }

  private idle(): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.settings.pollMs);
      this.wake = done;
    });
  }

  private async deliver(d: ClaimedDelivery): Promise<void> {
    const result = await this.send(d);
    await recordAttempt(this.sql, d, result, new Date(), this.settings);
    this.observer?.webhookAttempt(result.ok ? 'delivered' : result.interrupted ? 'interrupted' : 'failed');
    if (!result.ok && !result.interrupted)
      this.log.debug({
        msg: 'webhook delivery failed',
        deliveryId: d.deliveryId,
        attempt: d.attempt,
        statusCode: result.statusCode,
        error: result.error,
      });
  }

  private async send(d: ClaimedDelivery): Promise<AttemptResult> {
    const started = Date.now();
    const took = () => Date.now() - started;
    try {
      const body = deliveryBody(d);
      const secret = await this.secrets.secretOf(d.subscriptionId, d.secretVersion);
      const res = await fetch(d.url, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Dekomp-Webhooks/1',
          [DELIVERY_HEADER]: d.deliveryId,
          [SIGNATURE_HEADER]: signatureOf(body, secret),
          'Dekomp-Kind': d.kind,
          'Dekomp-Attempt': String(d.attempt),
        },
        body,
        signal: AbortSignal.any([AbortSignal.timeout(this.settings.timeoutMs), this.stopping.signal]),
      });
      await res.body?.cancel().catch(() => undefined);
      const ok = res.status >= 200 && res.status < 300;
      return { ok, statusCode: res.status, error: ok ? null : `HTTP ${res.status}`, durationMs: took(), interrupted: false };
    } catch (error) {
      const interrupted = this.stopping.signal.aborted;
      const message = interrupted
        ? 'interrupted: the service shut down'
        : error instanceof Error && error.name === 'TimeoutError'
          ? `timed out after ${this.settings.timeoutMs} ms`
          : describe(error);
      return { ok: false, statusCode: null, error: message, durationMs: took(), interrupted };
    }
  }
}

function describe(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`.slice(0, 500);
}
