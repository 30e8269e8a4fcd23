import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { SqlClient } from '#libs/db';
import { SQL_CLIENT } from '#libs/platform';

/**
 * A subscription's secret is derived, not stored: HMAC-SHA256 of `<subscriptionId>:<secretVersion>` under the
 * service's signing key (one row, made by the migration). The event log never holds a secret; the create command
 * answers it once; every process on the database signs with the same one.
 */
export function deriveSecret(signingKey: string, subscriptionId: string, secretVersion: number): string {
  return `whsec_${createHmac('sha256', signingKey).update(`${subscriptionId}:${secretVersion}`).digest('base64url')}`;
}

@Injectable()
export class WebhookSecrets {
  private key?: Promise<string>;

  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  private signingKey(): Promise<string> {
    this.key ??= this.sql.query<{ key: string }>('SELECT key FROM public.webhook_signing_key WHERE id = 1').then((r) => {
      if (!r.rows[0]) throw new Error('webhook signing key missing: migration 0600-webhook-outbox did not run');
      return r.rows[0].key;
    });
    this.key.catch(() => (this.key = undefined));
    return this.key;
  }

  async secretOf(subscriptionId: string, secretVersion: number): Promise<string> {
    return deriveSecret(await this.signingKey(), subscriptionId, secretVersion);
  }
}
