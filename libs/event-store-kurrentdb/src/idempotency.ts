import { pgErrorCode, PgErrorCode, type Sql } from '#libs/db';
import { IdempotencyKeyUsedError, type AppendResult, type IdempotencyRecord } from '#libs/event-store';

/**
 * Idempotency records of KurrentDB appends live in the read-model database: checked before the append, written
 * after it (a second writer of the same key then learns it lost).
 */
export async function keyUsed(sql: Sql, key: string): Promise<boolean> {
  const r = await sql.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [key]);
  return r.rows.length > 0;
}

export async function recordIdempotency(sql: Sql, idem: IdempotencyRecord, result: AppendResult): Promise<void> {
  try {
    await sql.query('INSERT INTO idempotency_keys (key, request_hash, response) VALUES ($1, $2, $3)', [
      idem.key,
      idem.requestHash,
      JSON.stringify(idem.outcome(result)),
    ]);
  } catch (error) {
    if (pgErrorCode(error) === PgErrorCode.uniqueViolation) throw new IdempotencyKeyUsedError(idem.key);
    throw error;
  }
}
