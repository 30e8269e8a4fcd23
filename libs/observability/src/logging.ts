import { AsyncLocalStorage } from 'node:async_hooks';
import {
  Inject,
  Injectable,
  Module,
  RequestMethod,
  type DynamicModule,
  type LoggerService,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Level, Logger as Pino } from 'pino';
import { pinoHttp, type HttpLogger, type Options } from 'pino-http';

const HTTP_LOGGER = Symbol('HTTP_LOGGER');
/** The request's child logger (carrying its id) while the request is handled, so Nest's logs inside it carry it too. */
const requestLogger = new AsyncLocalStorage<Pino>();

/**
 * Nest's logger on pino: `log(message, context)`, `error(message, stack, context)` and an object as the first
 * argument (merged into the line) as Nest's `Logger` passes them. Inside a request, the line carries the request id.
 */
@Injectable()
export class AppLogger implements LoggerService {
  constructor(@Inject(HTTP_LOGGER) private readonly http: HttpLogger) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: Level, message: unknown, rest: unknown[]): void {
    const logger = requestLogger.getStore() ?? this.http.logger;
    if (!logger.isLevelEnabled(level)) return;
    const args = [...rest];
    // Nest appends the logger's context (its name) as the last argument.
    const context = args.length > 0 && typeof args[args.length - 1] === 'string' ? (args.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    let text: string | undefined;
    if (message instanceof Error) fields.err = message;
    else if (typeof message === 'object' && message !== null) Object.assign(fields, message);
    else text = String(message);
    if (level === 'error' && text !== undefined && typeof args[0] === 'string') fields.stack = args.shift();
    const line = text ?? (typeof args[0] === 'string' ? (args.shift() as string) : undefined);
    logger[level](fields, line, ...args);
  }
}

export interface LoggerModuleOptions {
  pinoHttp: Options;
}

/** One log line per request (pino-http) and `AppLogger` for Nest's own logs, on the same pino instance. */
@Module({})
export class LoggerModule implements NestModule {
  constructor(@Inject(HTTP_LOGGER) private readonly http: HttpLogger) {}

  static forRoot(options: LoggerModuleOptions): DynamicModule {
    return {
      module: LoggerModule,
      global: true,
      providers: [{ provide: HTTP_LOGGER, useFactory: () => pinoHttp(options.pinoHttp) }, AppLogger],
      exports: [AppLogger],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    const log = (req: Request, res: Response, next: NextFunction) => this.http(req, res, () => requestLogger.run(req.log, next));
    consumer.apply(log).forRoutes({ path: '{/*splat}', method: RequestMethod.ALL });
  }
}
