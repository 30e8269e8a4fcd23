import { randomUUID } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import { AuthModule } from '#libs/auth';
import type { DekompConfig } from '#libs/config';
import type { OpenDatabase } from '#libs/db';
import {
  OutcomeInterceptor,
  ProblemFilter,
  QueryTimeLimitInterceptor,
  ReadYourWritesInterceptor,
  RequestShapeInterceptor,
} from '#libs/http';
import { LoggerModule, ObservabilityModule } from '#libs/observability';
import { PlatformModule } from '#libs/platform';
import { CAPABILITY_MODULES, MIGRATIONS, PROJECTIONS } from './capabilities.js';
import { AdminController } from './ops/admin.controller.js';
import { HealthController } from './ops/health.controller.js';
import { eventStoreFactoryFor } from './event-store-factory.js';

export interface AppOverrides {
  /** An already open database (tests). */
  database?: OpenDatabase;
}

@Module({})
export class AppModule {
  static register(config: DekompConfig, overrides: AppOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            // One line per request with what an operator needs, not every header (so no token to redact).
            serializers: {
              req: (req: { id?: unknown; method?: string; url?: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
            },
            ...(config.LOG_FORMAT === 'pretty'
              ? {
                  transport: {
                    target: 'pino-pretty',
                    options: { singleLine: true, colorize: process.stdout.isTTY, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
                  },
                }
              : {}),
            genReqId: (req, res) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
          },
        }),
        CqrsModule.forRoot(),
        ObservabilityModule,
        TerminusModule,
        AuthModule.forRoot(
          config.AUTH_MODE === 'oidc'
            ? { mode: 'oidc', issuer: config.AUTH_ISSUER!, audience: config.AUTH_AUDIENCE!, jwksUrl: config.AUTH_JWKS_URL! }
            : { mode: 'dev', dataDir: config.DATA_DIR },
        ),
        PlatformModule.forRoot({
          config,
          projections: PROJECTIONS,
          migrations: MIGRATIONS,
          database: overrides.database,
          eventStoreFactory: eventStoreFactoryFor(config),
        }),
        ...CAPABILITY_MODULES,
      ],
      controllers: [HealthController, AdminController],
      providers: [
        { provide: APP_FILTER, useClass: ProblemFilter },
        { provide: APP_INTERCEPTOR, useClass: RequestShapeInterceptor },
        { provide: APP_INTERCEPTOR, useClass: OutcomeInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor },
        { provide: APP_INTERCEPTOR, useClass: QueryTimeLimitInterceptor },
      ],
    };
  }
}
