import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { LRUCache } from 'lru-cache';
import type { DekompConfig } from '#libs/config';
import { PROBLEM_BASE, PROBLEM_CONTENT_TYPE } from '#libs/http';

const OPERATIONS = /^\/(health|ready|metrics)(\/|$)/;

/**
 * Rate limits per token (express-rate-limit, in memory per process): the bearer token's hash is the key, the
 * client address without one. Over the limit: 429 problem+json with Retry-After; health, readiness and metrics
 * are never limited. RATE_LIMIT_PER_MINUTE=0 turns it off.
 */
export function rateLimitMiddleware(config: DekompConfig): RequestHandler | null {
  if (config.RATE_LIMIT_PER_MINUTE === 0) return null;
  // A token's hash once per token, not once per request.
  const tokenKeys = new LRUCache<string, string>({ max: 10_000 });
  const tokenKey = (auth: string): string => {
    let key = tokenKeys.get(auth);
    if (key === undefined) tokenKeys.set(auth, (key = `token:${createHash('sha256').update(auth).digest('hex').slice(0, 32)}`));
    return key;
  };
  return rateLimit({
    windowMs: 60_000,
    limit: config.RATE_LIMIT_PER_MINUTE,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => OPERATIONS.test(req.path),
    keyGenerator: (req) => {
      const auth = req.headers.authorization;
      return auth ? tokenKey(auth) : `ip:${req.ip ?? 'unknown'}`;
    },
    validate: { keyGeneratorIpFallback: false },
    handler: (req, res) => {
      const message = `At most ${config.RATE_LIMIT_PER_MINUTE} requests a minute per token; wait ${String(res.getHeader('Retry-After') ?? 60)} s`;
      res
        .status(429)
        .type(PROBLEM_CONTENT_TYPE)
        .send(
          JSON.stringify({
            type: `${PROBLEM_BASE}too-many-requests`,
            title: 'Too many requests',
            status: 429,
            detail: message,
            instance: req.originalUrl,
            errors: [{ field: 'authorization', rule: 'rateLimit', message }],
          }),
        );
    },
  });
}
