// The service's entry. Traces start first when an OTLP endpoint is set (OpenTelemetry patches only what is imported
// after it, so the service is imported dynamically below); without one this costs nothing. The tracing module is
// imported by path, not through '#libs/observability', whose index loads Nest.
import { startTracing, TracingSettingError } from '../../../libs/observability/src/tracing.js';

try {
  await startTracing();
} catch (error) {
  if (!(error instanceof TracingSettingError)) throw error;
  console.error(error.message);
  process.exit(78); // EX_CONFIG, as for the other settings
}
await import('./start.js');
