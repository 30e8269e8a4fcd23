/** jsonb comes back parsed from PostgreSQL and as text from some drivers. */
export const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
export const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
export const isoOrNull = (v: unknown) => (v === null || v === undefined ? null : iso(v));
