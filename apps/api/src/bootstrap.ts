import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import type { DekompConfig } from '#libs/config';
import { boundSlowClients, createValidationPipe, describeConventions, MAX_BODY, ProblemDto } from '#libs/http';
import { AppLogger } from '#libs/observability';
import { AppModule, type AppOverrides } from './app.module.js';
import { rateLimitMiddleware } from './ops/rate-limit.js';

/** Builds the Dekomp HTTP application (used by main.ts, the CLI and the API tests). */
export async function createApp(config: DekompConfig, overrides: AppOverrides = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, overrides), {
    bufferLogs: true,
    // Nothing of Nest's own until the pino logger is in place: a failed start is told in one line by main.ts.
    logger: false,
    abortOnError: false,
    bodyParser: false,
  });
  // JSON only (form bodies are refused by the request-shape guard), bounded: a larger body is a 413 naming the limit.
  app.useBodyParser('json', { limit: MAX_BODY });
  app.disable('x-powered-by');
  boundSlowClients(app.getHttpServer(), {
    headersTimeoutMs: config.HTTP_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: config.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeoutMs: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
  });
  app.set('trust proxy', 'loopback');
  const limiter = rateLimitMiddleware(config);
  if (limiter) app.use(limiter);
  app.use(
    helmet({ contentSecurityPolicy: { directives: { 'script-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] } } }),
  );
  app.enableCors({
    origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Request-Id', 'Dekomp-Min-Position'],
    exposedHeaders: ['ETag', 'Location', 'Link', 'Dekomp-Position', 'Idempotent-Replayed', 'Retry-After', 'X-Request-Id'],
    maxAge: 600,
  });
  app.useLogger(app.get(AppLogger));
  app.useGlobalPipes(createValidationPipe());
  app.set('query parser', 'extended');
  app.enableShutdownHooks();
  if (config.SWAGGER) {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Dekomp')
        .setDescription(
          "Norway's decentralised scheme for competence development in schools (desentralisert ordning). Every fact is an event; " +
            'each role reads its own read models. Commands answer with `ETag` and `Dekomp-Position`; pass the position as ' +
            '`?minPosition=` to read your own write, and `?asOf=` to read as it stood then. Errors are application/problem+json.',
        )
        .setVersion('1')
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
        .build(),
      { extraModels: [ProblemDto] },
    );
    SwaggerModule.setup('docs', app, describeConventions(document), { jsonDocumentUrl: 'docs-json' });
  }
  return app;
}
