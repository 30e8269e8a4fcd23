/**
 * OpenTelemetry traces, only when an OTLP endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT): spans for HTTP requests, Express and Nest handlers, pg queries and each
 * command, exported by OTLP (protocol from OTEL_EXPORTER_OTLP_PROTOCOL, http/protobuf by default; the other
 * OTEL_* variables work as OpenTelemetry documents them). Without an endpoint nothing is loaded or started.
 *
 * This module imports no Nest and nothing that loads pg: main.ts starts it before it imports the service, since
 * the instrumentations only patch what is imported after them.
 */
import { randomBytes } from 'node:crypto';
import { register } from 'node:module';
import { context, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';

/** The service name on every span (OTEL_SERVICE_NAME overrides it). */
export const SERVICE_NAME = 'dekomp';

/** What the loader hook intercepts: the modules the instrumentations below patch. */
const INSTRUMENTED = ['http', 'https', /\/node_modules\/(@nestjs\/core|express|router|pg|pg-pool)\//];

interface Sdk {
  shutdown(): Promise<void>;
}
let running: Sdk | undefined;

/** A bad OTEL_* setting: the message names it (main.ts prints it as the one line of a failed start). */
export class TracingSettingError extends Error {}

const PROTOCOLS = ['http/protobuf', 'http/json', 'grpc'];

/** The endpoints must be http(s) URLs and the protocol one OpenTelemetry knows; else TracingSettingError. */
function checkSettings(env: NodeJS.ProcessEnv): void {
  for (const name of ['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT']) {
    const value = env[name];
    if (!value) continue;
    if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
      throw new TracingSettingError(`${name}: must be the http(s) URL of an OTLP collector, like http://127.0.0.1:4318; got '${value}'`);
  }
  for (const name of ['OTEL_EXPORTER_OTLP_PROTOCOL', 'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL']) {
    const value = env[name];
    if (value && !PROTOCOLS.includes(value))
      throw new TracingSettingError(`${name}: must be one of ${PROTOCOLS.join(', ')}; got '${value}'`);
  }
}

export function tracingConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

/** Starts the OpenTelemetry SDK when an endpoint is configured; returns whether it did. Throws TracingSettingError. */
export async function startTracing(env: NodeJS.ProcessEnv = process.env): Promise<boolean> {
  if (running || !tracingConfigured(env)) return Boolean(running);
  checkSettings(env);
  // Nest, Express and pg reach the service through ESM imports, which only the import-in-the-middle loader
  // hook lets the instrumentations patch (require-in-the-middle sees require() alone). Only the modules they patch
  // go through it (Nest's by file, for its router internals): wrapping every module would slow the start.
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url, { data: { include: INSTRUMENTED } });
  const [{ NodeSDK }, { HttpInstrumentation }, { ExpressInstrumentation }, { NestInstrumentation }, { PgInstrumentation }] =
    await Promise.all([
      import('@opentelemetry/sdk-node'),
      import('@opentelemetry/instrumentation-http'),
      import('@opentelemetry/instrumentation-express'),
      import('@opentelemetry/instrumentation-nestjs-core'),
      import('@opentelemetry/instrumentation-pg'),
    ]);
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME ?? SERVICE_NAME,
    instrumentations: [
      // Scrapes and probes are not traced: they would drown the requests that matter.
      new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(metrics|health)\b/.test(req.url ?? '') }),
      new ExpressInstrumentation(),
      new NestInstrumentation(),
      new PgInstrumentation({ requireParentSpan: true }),
    ],
    // Traces only: metrics are Prometheus' (/metrics) and logs go to stdout (pino).
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  running = sdk;
  return true;
}

/** Flushes the spans still buffered and stops the SDK (on shutdown: SIGTERM); nothing when it never started. */
export async function stopTracing(): Promise<void> {
  const sdk = running;
  running = undefined;
  await sdk?.shutdown();
}

/**
 * Runs `start` (the service's creation and init) under a parent span that is not sampled: the start-up's queries
 * and the background loops it starts (projection engine, webhook deliveries, which poll PostgreSQL every few
 * milliseconds) make no spans, while requests, which the HTTP server begins in a fresh context, are traced.
 */
export function withoutTraces<T>(start: () => Promise<T>): Promise<T> {
  if (!running) return start();
  const unsampled = trace.setSpanContext(ROOT_CONTEXT, {
    traceId: randomBytes(16).toString('hex'),
    spanId: randomBytes(8).toString('hex'),
    traceFlags: TraceFlags.NONE,
  });
  return context.with(unsampled, start);
}
