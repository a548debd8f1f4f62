import { trace } from '@opentelemetry/api';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { redactSecrets } from './redact';

export type { Logger } from 'pino';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export interface LoggerConfig {
  /** Overrides LOG_LEVEL (default `info`). */
  level?: string;
  /** Where the JSON lines go (default stdout); tests pass a stream that collects them. */
  destination?: DestinationStream;
  /** Fields on every line besides `service`. */
  base?: Record<string, unknown>;
  env?: NodeJS.ProcessEnv;
}

function levelFrom(config: LoggerConfig): string {
  const level = (config.level ?? (config.env ?? process.env).LOG_LEVEL ?? 'info').toLowerCase();
  if (!LEVELS.includes(level)) {
    throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')} (got '${level}')`);
  }
  return level;
}

/** Correlates each line with the trace it was written in (the active span, if any). */
function traceFields(): Record<string, string> {
  const spanContext = trace.getActiveSpan()?.spanContext();
  if (!spanContext || !trace.isSpanContextValid(spanContext)) return {};
  return { trace_id: spanContext.traceId, span_id: spanContext.spanId };
}

/**
 * The one logger: JSON lines with `service`, ISO time, a level label, `trace_id`/`span_id` inside a
 * span, and every secret-looking field replaced by `[REDACTED]` at any depth (see redact.ts). Message
 * strings are written as given, so never interpolate a secret into a message.
 */
export function createLogger(name: string, config: LoggerConfig = {}): Logger {
  const options: LoggerOptions = {
    name,
    level: levelFrom(config),
    base: { service: name, pid: process.pid, ...config.base },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: traceFields,
    // Errors become plain fields in redactSecrets (they carry request configs and headers worth scrubbing).
    serializers: { err: redactSecrets, error: redactSecrets },
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => redactSecrets(bindings),
      log: (object) => redactSecrets(object),
    },
  };
  const logger = config.destination ? pino(options, config.destination) : pino(options);
  return redactChildBindings(logger, logger.child as unknown as PinoChild);
}

/** pino's own `child`, loosely typed: its generics over custom levels do not survive being wrapped. */
type PinoChild = (this: Logger, bindings: pino.Bindings, options?: object) => Logger;

/** pino applies `formatters.bindings` to the root only, so children's bindings are scrubbed on the way in. */
function redactChildBindings(logger: Logger, pinoChild: PinoChild): Logger {
  const child: PinoChild = (bindings, options) =>
    redactChildBindings(pinoChild.call(logger, redactSecrets(bindings), options), pinoChild);
  logger.child = child as unknown as Logger['child'];
  return logger;
}
