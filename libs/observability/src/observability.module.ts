import { Global, Inject, Module, type OnApplicationShutdown, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { EventStore } from '#libs/event-store';
import { COMMAND_OBSERVER, EVENT_STORE, OPERATION_OBSERVER, type CommandObserver, type OperationObserver } from '#libs/platform';
import { annotateCommandSpan, traceCommands } from './command-tracing.js';
import { MetricsController } from './metrics.controller.js';
import { MetricsInterceptor } from './metrics.interceptor.js';
import { Metrics } from './metrics.js';
import { stopTracing, tracingConfigured } from './tracing.js';

/**
 * Metrics for every capability (inject `Metrics` to count what matters where it happens), and, when tracing is on
 * (tracing.ts, started by main.ts), a span per command and the spans flushed at shutdown.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    { provide: Metrics, useFactory: () => new Metrics() },
    { provide: APP_INTERCEPTOR, useClass: MetricsInterceptor },
    {
      provide: COMMAND_OBSERVER,
      useFactory: (m: Metrics): CommandObserver => ({
        commandDone: (command, outcome, seconds, stream) => {
          m.commandSeconds.observe({ command, outcome }, seconds);
          annotateCommandSpan(command, outcome, stream);
        },
      }),
      inject: [Metrics],
    },
    {
      provide: OPERATION_OBSERVER,
      useFactory: (m: Metrics): OperationObserver => ({
        webhookAttempt: (result) => m.webhookDeliveries.inc({ result }),
        exportWritten: (format, rows) => m.exportRows.inc({ format }, rows),
      }),
      inject: [Metrics],
    },
  ],
  exports: [Metrics, COMMAND_OBSERVER, OPERATION_OBSERVER],
})
export class ObservabilityModule implements OnModuleInit, OnModuleDestroy, OnApplicationShutdown {
  private unsubscribe?: () => void;

  constructor(
    private readonly metrics: Metrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onModuleInit(): void {
    if (tracingConfigured()) traceCommands();
    this.unsubscribe = this.store.onFlushed?.((appends, events) => {
      this.metrics.groupCommitSize.observe(appends);
      this.metrics.eventsAppended.inc(events);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }

  /** On SIGTERM (Nest's shutdown hooks): the spans still buffered are sent before the process ends. */
  async onApplicationShutdown(): Promise<void> {
    await stopTracing();
  }
}
