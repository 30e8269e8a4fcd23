import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The service's Prometheus metrics (prom-client): requests by route and status, command latency, events
 * appended and group-commit sizes, projection lag per read model (read at scrape time), webhook deliveries and
 * export rows. One registry per application instance, so tests and several apps in one process do not clash.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'dekomp_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  readonly requestSeconds = new Histogram({
    name: 'dekomp_http_request_duration_seconds',
    help: 'HTTP request duration by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });
  readonly commandSeconds = new Histogram({
    name: 'dekomp_command_duration_seconds',
    help: 'Command latency (load, decide, append) by command and outcome',
    labelNames: ['command', 'outcome'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });
  readonly eventsAppended = new Counter({
    name: 'dekomp_events_appended_total',
    help: 'Events appended to the log by this process',
    registers: [this.registry],
  });
  readonly groupCommitSize = new Histogram({
    name: 'dekomp_group_commit_appends',
    help: 'Appends committed together in one transaction',
    buckets: [1, 2, 4, 8, 16, 32, 64, 128],
    registers: [this.registry],
  });
  readonly projectionLag = new Gauge({
    name: 'dekomp_projection_lag_events',
    help: 'Events a read model is behind the head of the log',
    labelNames: ['read_model'],
    registers: [this.registry],
  });
  readonly projectionStuck = new Gauge({
    name: 'dekomp_projection_stuck',
    help: '1 when a read model stopped at an event it cannot apply',
    labelNames: ['read_model'],
    registers: [this.registry],
  });
  readonly webhookDeliveries = new Counter({
    name: 'dekomp_webhook_deliveries_total',
    help: 'Webhook delivery attempts by result',
    labelNames: ['result'],
    registers: [this.registry],
  });
  readonly exportRows = new Counter({
    name: 'dekomp_export_rows_total',
    help: 'Rows written by the evaluation export by format',
    labelNames: ['format'],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'dekomp_' });
  }
}
