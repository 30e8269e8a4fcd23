import { Global, Inject, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import type { EventStore } from '#libs/event-store';
import { COMMAND_OBSERVER, EVENT_STORE, type CommandObserver } from '#libs/platform';
import { MetricsController } from './metrics.controller.js';
import { MetricsInterceptor } from './metrics.interceptor.js';
import { Metrics } from './metrics.js';

/** Metrics for every capability: inject `Metrics` to count what matters where it happens. */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    { provide: Metrics, useFactory: () => new Metrics() },
    { provide: APP_INTERCEPTOR, useClass: MetricsInterceptor },
    {
      provide: COMMAND_OBSERVER,
      useFactory: (m: Metrics): CommandObserver => ({
        commandDone: (command, outcome, seconds) => m.commandSeconds.observe({ command, outcome }, seconds),
      }),
      inject: [Metrics],
    },
  ],
  exports: [Metrics, COMMAND_OBSERVER],
})
export class ObservabilityModule implements OnModuleInit, OnModuleDestroy {
  private unsubscribe?: () => void;

  constructor(
    private readonly metrics: Metrics,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.store.onFlushed?.((appends, events) => {
      this.metrics.groupCommitSize.observe(appends);
      this.metrics.eventsAppended.inc(events);
    });
  }

  onModuleDestroy(): void {
    this.unsubscribe?.();
  }
}
