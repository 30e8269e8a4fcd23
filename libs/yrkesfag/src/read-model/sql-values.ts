/** jsonb comes back parsed from PostgreSQL and as text from some drivers; bigint sums as text. */
export const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
