/**
 * Told of what operators count (Prometheus, through the observability module, which provides it): each webhook
 * delivery attempt and the rows each evaluation export wrote. Injected where the thing happens; optional, so a
 * CLI or test that builds a capability without the observability module works unchanged.
 */
export interface OperationObserver {
  webhookAttempt(result: 'delivered' | 'failed' | 'interrupted'): void;
  exportWritten(format: string, rows: number): void;
}
export const OPERATION_OBSERVER = Symbol('OPERATION_OBSERVER');
