const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400 } as const;

/** Longest lifetime the dev issuer hands out. */
export const MAX_DEV_TTL_SECONDS = 366 * 86400;

/**
 * A token lifetime in whole seconds from a number of seconds or a string like `90s`, `30m`, `8h`, `7d` (a bare
 * number string means seconds). Returns `undefined` for anything else, or for a lifetime ≤ 0 or over a year.
 */
export function parseTtl(ttl: string | number): number | undefined {
  let seconds: number;
  if (typeof ttl === 'number') {
    seconds = ttl;
  } else {
    const match = /^\s*(\d+)\s*([smhd]?)\s*$/.exec(ttl);
    if (!match) return undefined;
    seconds = Number(match[1]) * UNIT_SECONDS[(match[2] || 's') as keyof typeof UNIT_SECONDS];
  }
  if (!Number.isSafeInteger(seconds) || seconds <= 0 || seconds > MAX_DEV_TTL_SECONDS) return undefined;
  return seconds;
}
