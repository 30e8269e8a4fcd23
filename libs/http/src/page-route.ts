import {
  applyDecorators,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';
import { PAGE_DEFAULT, PAGE_MAX, Page } from './pagination.js';
import { ProblemDto } from './problem.js';

/** The request's own path and query with `after` set to the next page's cursor (a relative reference, RFC 3986). */
export function nextLink(originalUrl: string, cursor: string): string {
  const url = new URL(originalUrl, 'http://dekomp.invalid');
  url.searchParams.set('after', cursor);
  return `${url.pathname}${url.search}`;
}

/**
 * Turns a `Page` into HTTP: the body stays a JSON array (clients of the unpaged lists keep working) and the next
 * page, when there is one, is in `Link: </grants?…&after=…>; rel="next"` (RFC 8288).
 */
@Injectable()
export class PageInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((value: unknown) => {
        if (!(value instanceof Page)) return value;
        const page = value as Page<unknown>;
        if (page.next !== null) {
          const req = context.switchToHttp().getRequest<Request>();
          context
            .switchToHttp()
            .getResponse<Response>()
            .setHeader('Link', `<${nextLink(req.originalUrl, page.next)}>; rel="next"`);
        }
        return page.items;
      }),
    );
  }
}

/**
 * A paged list endpoint: answers a `Page` as a JSON array with the Link header, and documents `limit`, `after`, the
 * Link header and the 400 of a bad `limit` or cursor. Use with a query DTO extending `PageQueryDto`.
 */
export function ApiPage(type: Type<unknown> | [Type<unknown>] | undefined, description?: string): MethodDecorator {
  const item = Array.isArray(type) ? type[0] : type;
  return applyDecorators(
    UseInterceptors(PageInterceptor),
    ApiQuery({
      name: 'limit',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: PAGE_MAX, default: PAGE_DEFAULT },
      description: `Rows in a page: 1–${PAGE_MAX}, ${PAGE_DEFAULT} when not given.`,
    }),
    ApiQuery({
      name: 'after',
      required: false,
      type: String,
      description: 'The cursor from the previous page\'s `Link: <…>; rel="next"` (opaque); follow that link rather than building it.',
    }),
    ApiOkResponse({
      ...(item ? { type: [item] } : { schema: { type: 'array', items: { type: 'object' } } }),
      description: description ?? 'One page, in a stable order',
      headers: {
        Link: {
          description: 'RFC 8288: `<path?…&after=cursor>; rel="next"` while more rows follow; absent on the last page',
          schema: { type: 'string' },
        },
      },
    }),
    ApiBadRequestResponse({ type: ProblemDto, description: 'A limit out of 1–500 or an unknown cursor (the field named)' }),
  );
}
