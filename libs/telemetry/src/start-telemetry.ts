import type { IncomingMessage } from 'node:http';
import { getNodeAutoInstrumentations } from '@opentelemetry/auto-instrumentations-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface TelemetryOptions {
  serviceName: string;
  serviceVersion?: string;
  env?: NodeJS.ProcessEnv;
}

export interface Telemetry {
  /** Whether spans are exported (OTEL_EXPORTER_OTLP_ENDPOINT set) — otherwise they only feed logs and propagation. */
  readonly exporting: boolean;
  /** Flushes pending spans and stops the SDK; safe to call more than once. */
  shutdown(): Promise<void>;
}

/** The instrumentations that matter here; fs, dns and net are noise and pino correlation is done by our logger. */
const INSTRUMENTATIONS = 'http,express,grpc,pg,undici';

/** Probe paths are polled every few seconds; a span per probe would drown the real traces. */
const PROBE_PATH = /\/(livez|readyz|healthz|health)(\?|$)/;

/** One SDK per process, shared even by two copies of this module (the embedded platform runs every service). */
const RUNNING = Symbol.for('cb.telemetry.running');
type GlobalWithTelemetry = typeof globalThis & { [RUNNING]?: Telemetry };

/** A span processor that keeps nothing: spans still get ids, so logs and propagation work without an exporter. */
const keepNothing: SpanProcessor = {
  onStart: () => undefined,
  onEnd: () => undefined,
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
};

function instrumentations(env: NodeJS.ProcessEnv) {
  // getNodeAutoInstrumentations enables every instrumentation not turned off, and constructing one already
  // patches modules; OTEL_NODE_ENABLED_INSTRUMENTATIONS is its own way to choose a few, so set it for the call
  // (an operator's value, if any, wins).
  const previous = process.env.OTEL_NODE_ENABLED_INSTRUMENTATIONS;
  process.env.OTEL_NODE_ENABLED_INSTRUMENTATIONS = env.OTEL_NODE_ENABLED_INSTRUMENTATIONS ?? INSTRUMENTATIONS;
  try {
    return getNodeAutoInstrumentations({
      '@opentelemetry/instrumentation-fs': { enabled: false },
      '@opentelemetry/instrumentation-dns': { enabled: false },
      '@opentelemetry/instrumentation-net': { enabled: false },
      // Parameters may be credentials: never record them.
      '@opentelemetry/instrumentation-pg': { enhancedDatabaseReporting: false },
      '@opentelemetry/instrumentation-http': {
        ignoreIncomingRequestHook: (request: IncomingMessage) => PROBE_PATH.test(request.url ?? ''),
      },
    });
  } finally {
    if (previous === undefined) delete process.env.OTEL_NODE_ENABLED_INSTRUMENTATIONS;
    else process.env.OTEL_NODE_ENABLED_INSTRUMENTATIONS = previous;
  }
}

/**
 * Starts OpenTelemetry once per process (later calls return the first handle). Call it before express,
 * pg or grpc-js are loaded, or their instrumentation cannot patch them. `OTEL_SDK_DISABLED=true` turns it
 * off; OTLP/HTTP export happens only when OTEL_EXPORTER_OTLP_ENDPOINT (or the traces-specific variable) is set.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  const global = globalThis as GlobalWithTelemetry;
  const running = global[RUNNING];
  if (running) return running;

  const env = options.env ?? process.env;
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') {
    const disabled: Telemetry = { exporting: false, shutdown: async () => undefined };
    global[RUNNING] = disabled;
    return disabled;
  }

  const exporting = Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    resource: resourceFromAttributes({
      'service.name': options.serviceName,
      'service.namespace': 'cb',
      ...(options.serviceVersion ? { 'service.version': options.serviceVersion } : {}),
    }),
    spanProcessors: [exporting ? new BatchSpanProcessor(new OTLPTraceExporter()) : keepNothing],
    // Traces only: without these the SDK would start OTLP metric and log exporters on its own.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: instrumentations(env),
  });
  sdk.start();

  let stopping: Promise<void> | undefined;
  const telemetry: Telemetry = {
    exporting,
    shutdown: () => (stopping ??= sdk.shutdown()),
  };
  global[RUNNING] = telemetry;
  return telemetry;
}
