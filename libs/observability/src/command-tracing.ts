import { CommandBus, type ICommand } from '@nestjs/cqrs';
import { SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { SERVICE_NAME } from './tracing.js';

const tracer = trace.getTracer(SERVICE_NAME);
/** The spans this module opened: the runner's report is added to a command's own span, never to another. */
const commandSpans = new WeakSet<Span>();
let patched = false;

/**
 * A span per command sent on a CQRS bus, named after the command (`command OpenCall`), active while it runs so
 * that its pg queries are its children; a refused command records the error. Patched on the prototype: every
 * module importing CqrsModule has its own bus. Installed only when tracing is on; without an SDK the bus is as
 * Nest made it.
 */
export function traceCommands(): void {
  if (patched) return;
  patched = true;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called with the bus as `this` below
  const execute = CommandBus.prototype.execute as (this: CommandBus, ...args: unknown[]) => Promise<unknown>;
  CommandBus.prototype.execute = function traced(this: CommandBus, command: ICommand, ...rest: unknown[]) {
    const name = command.constructor.name.replace(/Command$/, '');
    return tracer.startActiveSpan(`command ${name}`, { attributes: { 'dekomp.command': name } }, async (span) => {
      commandSpans.add(span);
      try {
        return await execute.call(this, command, ...rest);
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'refused' });
        throw error;
      } finally {
        span.end();
      }
    });
  };
}

/** The runner's report (aggregate, stream, outcome) on the command's span, when one is active. */
export function annotateCommandSpan(aggregate: string, outcome: string, stream: string | undefined): void {
  const span = trace.getActiveSpan();
  if (!span || !commandSpans.has(span)) return;
  span.setAttributes({ 'dekomp.aggregate': aggregate, 'dekomp.outcome': outcome, ...(stream ? { 'dekomp.stream': stream } : {}) });
}
