import type { OpenAPIObject } from '@nestjs/swagger';
import { MAX_BODY, PROBLEM_BASE, PROBLEM_CONTENT_TYPE } from './problem.js';

type Responses = Record<string, { description?: string; content?: Record<string, unknown>; headers?: Record<string, unknown> }>;

const EXAMPLES: Record<
  string,
  { slug: string; title: string; detail: string; errors?: Array<{ field: string; rule: string; message: string }> }
> = {
  '400': {
    slug: 'validation',
    title: 'The request is not valid',
    detail: 'year: year is required',
    errors: [{ field: 'year', rule: 'required', message: 'year is required' }],
  },
  '401': { slug: 'unauthorized', title: 'Unauthorized', detail: 'Missing bearer token: send Authorization: Bearer <token>' },
  '403': {
    slug: 'forbidden',
    title: 'Forbidden',
    detail: 'only a governor opens calls; you are school_owner',
    errors: [{ field: 'authorization', rule: 'R20', message: 'only a governor opens calls; you are school_owner' }],
  },
  '404': { slug: 'not-found', title: 'Not found', detail: 'grant ROGALAND.DEKOMP.m1.964965226 not found' },
  '409': {
    slug: 'concurrency-conflict',
    title: 'Someone else changed this first; reload and try again',
    detail: 'stream Call-rogaland-dekomp-2027 is at version 2, not 1',
  },
  '412': {
    slug: 'precondition-failed',
    title: 'The resource changed since you read it',
    detail: 'If-Match was version 1, but the resource is at version 2',
    errors: [{ field: 'If-Match', rule: 'etag', message: 'If-Match was version 1, but the resource is at version 2' }],
  },
  '413': {
    slug: 'payload-too-large',
    title: 'Payload too large',
    detail: `The request body is larger than ${MAX_BODY}.`,
    errors: [{ field: 'body', rule: 'maxSize', message: `larger than ${MAX_BODY}` }],
  },
  '422': {
    slug: 'rule-violation',
    title: 'A rule of the scheme was broken',
    detail: 'R18 amounts: the decision would exceed the frame for 2027 by 120 000 kr',
    errors: [{ field: 'amounts', rule: 'R18', message: 'the decision would exceed the frame for 2027 by 120 000 kr' }],
  },
  '429': {
    slug: 'too-many-requests',
    title: 'Too many requests',
    detail: 'At most 3000 requests a minute per token',
    errors: [{ field: 'authorization', rule: 'rateLimit', message: 'wait' }],
  },
  '503': {
    slug: 'service-unavailable',
    title: 'Service unavailable',
    detail: 'The read models have not reached position 42 within 5000 ms; retry shortly',
  },
};

const header = (description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ description, schema });

/**
 * Makes the OpenAPI document tell what the service does: every error is `application/problem+json` with an
 * example of its own status; commands document `ETag`, `Dekomp-Position` (and `Location` when they create), reads
 * their `ETag`; 429 and 503 their `Retry-After`; and every operation its 429.
 */
export function describeConventions(document: OpenAPIObject): OpenAPIObject {
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods as Record<string, { responses?: Responses; security?: unknown[] }>)) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      const responses = op.responses;
      if (op.security && !responses['429']) responses['429'] = { description: 'Over the rate limit per token' };
      for (const [status, response] of Object.entries(responses)) {
        if (/^[45]\d\d$/.test(status)) {
          const example = EXAMPLES[status];
          const schema = { $ref: '#/components/schemas/ProblemDto' };
          response.content = {
            [PROBLEM_CONTENT_TYPE]: {
              schema,
              ...(example
                ? {
                    example: {
                      type: PROBLEM_BASE + example.slug,
                      title: example.title,
                      status: Number(status),
                      detail: example.detail,
                      ...(example.errors ? { errors: example.errors } : {}),
                    },
                  }
                : {}),
            },
          };
          response.description ||= example?.title ?? 'Error';
          if (status === '429' || status === '503')
            response.headers = { 'Retry-After': header('Seconds to wait before retrying', { type: 'integer' }) };
        } else if (/^2\d\d$/.test(status)) {
          const headers: Record<string, unknown> = { ...(response.headers ?? {}) };
          if (method !== 'get' || /\}$/.test(path)) headers.ETag = header("The version the resource's commands check: send it as If-Match");
          if (method !== 'get')
            headers['Dekomp-Position'] = header('Global position written: pass as ?minPosition= to read your write', { type: 'integer' });
          if (status === '201') headers.Location = header('Where the created resource is read');
          response.headers = headers;
          response.description ||= 'OK';
        }
      }
    }
  }
  return document;
}
