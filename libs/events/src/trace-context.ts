import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * Trace context across events, through the OpenTelemetry API (a no-op until libs/telemetry's
 * startTelemetry registers the SDK). There is no NATS instrumentation: the publisher's W3C
 * `traceparent` (and `tracestate`, `baggage`) travel in the outbox row and the message headers,
 * and the consumer's handler runs in a span of that trace.
 */
export function activeTraceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  propagation.inject(context.active(), headers);
  return headers;
}

const tracer = trace.getTracer('@cb/events');

/** Runs a handler in a consumer span under the publisher's trace (a new trace when it sent none). */
export function runInPublisherTrace<T>(subject: string, headers: Record<string, string>, fn: () => Promise<T>) {
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  return tracer.startActiveSpan(
    `${subject} process`,
    { kind: SpanKind.CONSUMER, attributes: { 'messaging.system': 'nats', 'messaging.destination.name': subject } },
    parent,
    async (span) => {
      try {
        return await fn();
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}
