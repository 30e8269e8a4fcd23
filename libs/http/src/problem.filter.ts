import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ConcurrencyError } from '#libs/event-store';
import { ConflictError, DomainError, ForbiddenError, NotFoundError, type RuleViolation } from '#libs/kernel';
import { IdempotencyKeyReusedError, PreconditionFailedError } from '#libs/platform';
import { MAX_BODY, PROBLEM_BASE, PROBLEM_CONTENT_TYPE, type ProblemDto } from './problem.js';
import { unavailableProblem } from './unavailable.js';

/** Field-level errors carried by a validation failure (see validation.ts). */
export class RequestValidationError extends Error {
  constructor(readonly errors: RuleViolation[]) {
    super('The request is not valid');
  }
}

interface Mapped {
  status: number;
  slug: string;
  title: string;
  detail?: string;
  errors?: RuleViolation[];
  headers?: Record<string, string>;
}

function map(error: unknown): Mapped {
  if (error instanceof RequestValidationError) {
    return {
      status: 400,
      slug: 'validation',
      title: 'The request is not valid',
      detail: error.errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors: error.errors,
    };
  }
  if (error instanceof DomainError) {
    return {
      status: 422,
      slug: 'rule-violation',
      title: 'A rule of the scheme was broken',
      detail: error.message,
      errors: error.violations,
    };
  }
  if (error instanceof ConcurrencyError) {
    return {
      status: 409,
      slug: 'concurrency-conflict',
      title: 'Someone else changed this first; reload and try again',
      detail: error.message,
    };
  }
  if (error instanceof ConflictError)
    return { status: 409, slug: 'conflict', title: 'The command conflicts with the current state', detail: error.message };
  if (error instanceof PreconditionFailedError) {
    return {
      status: 412,
      slug: 'precondition-failed',
      title: 'The resource changed since you read it',
      detail: error.message,
      errors: [{ field: 'If-Match', rule: 'etag', message: error.message }],
    };
  }
  if (error instanceof IdempotencyKeyReusedError) {
    return {
      status: 422,
      slug: 'idempotency-key-reused',
      title: 'Idempotency-Key reused with a different request',
      detail: error.message,
      errors: [{ field: 'Idempotency-Key', rule: 'idempotency', message: error.message }],
    };
  }
  if (error instanceof NotFoundError) return { status: 404, slug: 'not-found', title: 'Not found', detail: error.message };
  if (error instanceof ForbiddenError) {
    return {
      status: 403,
      slug: 'forbidden',
      title: 'Forbidden',
      detail: error.message,
      errors: [{ field: 'authorization', rule: error.rule, message: error.message }],
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const res = error.getResponse();
    const raw =
      typeof res === 'string'
        ? res
        : Array.isArray((res as { message?: unknown }).message)
          ? (res as { message: string[] }).message.join('; ')
          : typeof (res as { message?: unknown }).message === 'string'
            ? (res as { message: string }).message
            : error.message;
    const detail =
      status === 413
        ? `The request body is larger than ${MAX_BODY}. Send large content in parts: a recommendation goes as a draft whose measures are sent in pages (POST /forums/{forumId}/recommendation-drafts, then …/measures, then …/publication).`
        : raw;
    const headers: Record<string, string> = {};
    if (status === 401) headers['WWW-Authenticate'] = 'Bearer';
    // A role the route does not allow (the auth guard): R20 like every other refusal.
    const errors =
      status === 403
        ? [{ field: 'authorization', rule: 'R20', message: detail }]
        : status === 400 || status === 413 || status === 415
          ? [{ field: 'body', rule: status === 413 ? 'maxSize' : 'isJson', message: detail }]
          : undefined;
    return {
      status,
      slug: slugOf(status),
      title:
        HttpStatus[status]
          ?.toString()
          .replace(/_/g, ' ')
          .toLowerCase()
          .replace(/^./, (c) => c.toUpperCase()) ?? 'Error',
      detail,
      headers,
      errors,
    };
  }
  return unavailableProblem(error) ?? { status: 500, slug: 'internal', title: 'Internal server error' };
}

function slugOf(status: number): string {
  return (HttpStatus[status] ?? 'error').toString().toLowerCase().replace(/_/g, '-');
}

/** Turns every error into application/problem+json (RFC 9457) naming the field and the rule. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly log = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const m = map(error);
    if (m.status >= 500) this.log.error({ err: error, requestId: req.id }, 'request failed');
    const body: ProblemDto = {
      type: PROBLEM_BASE + m.slug,
      title: m.title,
      status: m.status,
      ...(m.detail ? { detail: m.detail } : {}),
      instance: req.originalUrl,
      ...(m.errors ? { errors: m.errors } : {}),
      ...(req.id ? { requestId: String(req.id) } : {}),
    };
    for (const [k, v] of Object.entries(m.headers ?? {})) if (!res.getHeader(k)) res.setHeader(k, v);
    res.status(m.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
  }
}
