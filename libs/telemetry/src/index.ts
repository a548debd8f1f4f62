export { createLogger, type Logger, type LoggerConfig } from './logger';
export { isSecretKey, REDACTED, redactSecrets } from './redact';
export { startTelemetry, type Telemetry, type TelemetryOptions } from './start-telemetry';
export {
  extractTraceContext,
  injectTraceHeaders,
  type TraceCarrier,
  type TraceCarrierSource,
  withExtractedContext,
} from './trace-headers';
