import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Every setting Dekomp reads from the environment. README's configuration table mirrors this. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  EVENT_STORE: z.enum(['postgres', 'kurrentdb']).default('postgres'),
  KURRENTDB_URL: z
    .string()
    .regex(/^(kurrentdb|kurrent|esdb|kdb)(\+discover)?:\/\//, 'must be a kurrentdb:// (or kurrent://, esdb://) connection string')
    .optional(),
  AUTH_MODE: z.enum(['dev', 'oidc']).default('dev'),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  AUTH_JWKS_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  READ_WAIT_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  READY_MAX_LAG: z.coerce.number().int().min(0).default(0),
  PROJECTION_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  /** Longest time a read (GET) may spend in the database; past it the request is stopped and answered 503. */
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(10_000),
  /** Longest time a client may take to send its request headers (slow or idle connections are cut off). */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  /** Longest time a client may take to send its whole request (headers and body). */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** How long an idle keep-alive connection is kept open between requests. */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  SWAGGER: bool.default(true),
  /** Browser origins allowed by CORS, comma-separated (e.g. https://dekomp.example.no); empty: none. */
  CORS_ORIGINS: z
    .string()
    .transform((v) =>
      v
        .split(',')
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().regex(/^https?:\/\/[^/\s]+$/, 'each origin must be scheme://host[:port]')))
    .default([]),
  /** Requests per minute per token (or per address without one); 0 turns rate limiting off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(3000),
  /** `json` (default) or `pretty` (readable, for development). */
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  NODE_ENV: z.string().optional(),
  /** Dev auth (the service's own signing key) is refused under NODE_ENV=production unless this is true. */
  ALLOW_DEV_AUTH_IN_PRODUCTION: bool.default(false),
  /** Fixes the service clock's "today" (YYYY-MM-DD), for demonstrations and the seed; dev auth only. */
  TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .refine((d) => new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'must be a real calendar day')
    .optional(),
});

/** Rules between variables; checked on the raw values so they are reported together with the rest. */
function crossChecks(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (env.EVENT_STORE === 'kurrentdb' && !env.KURRENTDB_URL) problems.push('KURRENTDB_URL: is required when EVENT_STORE=kurrentdb');
  if (env.AUTH_MODE === 'oidc') {
    for (const k of ['AUTH_ISSUER', 'AUTH_AUDIENCE', 'AUTH_JWKS_URL']) if (!env[k]) problems.push(`${k}: is required when AUTH_MODE=oidc`);
  }
  if (
    env.NODE_ENV === 'production' &&
    (env.AUTH_MODE ?? 'dev') === 'dev' &&
    !['true', '1'].includes(env.ALLOW_DEV_AUTH_IN_PRODUCTION ?? '')
  ) {
    problems.push(
      'AUTH_MODE: dev auth signs its own tokens and is refused under NODE_ENV=production (set AUTH_MODE=oidc, or ALLOW_DEV_AUTH_IN_PRODUCTION=true)',
    );
  }
  if (env.TODAY && env.AUTH_MODE === 'oidc') problems.push('TODAY: a fixed clock is for development only (AUTH_MODE=dev)');
  return problems;
}

export type DekompConfig = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment; throws ConfigError naming every bad variable and its rule. */
export function loadConfig(env: Record<string, string | undefined> = process.env): DekompConfig {
  const relevant = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(relevant);
  const cross = crossChecks(relevant);
  if (parsed.success && cross.length === 0) return parsed.data;
  throw new ConfigError([
    ...(parsed.success ? [] : parsed.error.issues).map((i) => {
      const key = i.path.join('.') || '(config)';
      const value = typeof i.path[0] === 'string' ? relevant[i.path[0]] : undefined;
      return `${key}: ${i.message}${value !== undefined && !/URL/.test(key) ? ` (got ${JSON.stringify(value)})` : ''}`;
    }),
    ...cross,
  ]);
}
