/** What a controller returns when status and headers matter; rendered by the HttpResultInterceptor. */
export class HttpResult<B = unknown> {
  constructor(
    readonly status: number,
    readonly body: B,
    readonly headers: Record<string, string> = {},
  ) {}
}

export const POSITION_HEADER = 'Dekomp-Position';

/** A resource with its version as a strong ETag (use it in If-Match on the next command). */
export function withETag<B>(body: B, version: number): HttpResult<B> {
  return new HttpResult(200, body, { ETag: `"${version}"` });
}

export function parseETag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(value);
  if (!m) return Number.NaN;
  return Number(m[1]);
}
