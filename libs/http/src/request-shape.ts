import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import type { RuleViolation } from '#libs/kernel';
import { RequestValidationError } from './problem.filter.js';

/** Deeper bodies are refused before anything (validation, the idempotency hash) walks them. */
export const MAX_BODY_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// A NUL, or a UTF-16 surrogate without its partner: PostgreSQL's text and jsonb cannot hold them.
// eslint-disable-next-line no-control-regex -- finding the NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function textProblem(field: string, value: string): RuleViolation | null {
  if (FORBIDDEN_KEYS.has(value)) return { field, rule: 'reservedName', message: `${field} may not be "${value}"` };
  if (UNSTORABLE.test(value))
    return { field, rule: 'isStorableText', message: `${field} contains a NUL character or a lone UTF-16 surrogate` };
  return null;
}

/** Walks a JSON value without recursion: the first problem of depth, reserved keys or unstorable text. */
export function bodyProblem(body: unknown, root = 'body'): RuleViolation | null {
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value: body, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const p = textProblem(path, value);
      if (p) return p;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_BODY_DEPTH)
      return { field: path, rule: 'maxDepth', message: `the body may nest at most ${MAX_BODY_DEPTH} levels deep` };
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: `${path}[${i}]`, depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const field = path === root ? key : `${path}.${key}`;
      const p = FORBIDDEN_KEYS.has(key)
        ? { field, rule: 'reservedName', message: `"${key}" is not allowed as a field name` }
        : textProblem(`${field} (name)`, key);
      if (p) return p;
      stack.push({ value: (value as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return null;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses, with a 400 naming the field, what no endpoint can take: bodies nested too deep, `__proto__` /
 * `constructor` / `prototype` as keys or ids, NULs and lone surrogates in any string, path or query value;
 * commands sent as anything but JSON; and query parameters on commands (a command takes none, so
 * `POST /grants?dryRun=true` must not quietly write).
 */
@Injectable()
export class RequestShapeInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    const problems: RuleViolation[] = [];
    for (const [name, value] of Object.entries(req.params ?? {})) {
      const p = textProblem(name, String(value));
      if (p) problems.push(p);
    }
    const queryProblem = bodyProblem(req.query ?? {}, 'query');
    if (queryProblem) problems.push(queryProblem);
    if (WRITES.has(req.method)) {
      for (const name of Object.keys(req.query ?? {}))
        problems.push({
          field: name,
          rule: 'unknownQueryParameter',
          message: `${req.method} ${req.route?.path ?? req.path} takes no query parameter ${name}`,
        });
      const type = req.headers['content-type'];
      const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
      if (hasBody && !/^application\/(?:[\w.+-]*\+)?json\b/i.test(type ?? '')) {
        problems.push({
          field: 'Content-Type',
          rule: 'isJson',
          message: `commands take application/json, not ${type ?? 'no content type'}`,
        });
      }
      const p = bodyProblem(req.body);
      if (p) problems.push(p);
    }
    if (problems.length > 0) throw new RequestValidationError(problems);
    return next.handle();
  }
}
