import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { DekompConfig } from '#libs/config';
import { createValidationPipe, ProblemDto } from '#libs/http';
import { AppModule, type AppOverrides } from './app.module.js';

/** Builds the Dekomp HTTP application (used by main.ts, the CLI and the API tests). */
export async function createApp(config: DekompConfig, overrides: AppOverrides = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, overrides), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
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
    SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  }
  return app;
}
