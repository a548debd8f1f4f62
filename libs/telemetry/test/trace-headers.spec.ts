import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { context, trace } from '@opentelemetry/api';
import { testNatsUrl, uniqueName } from '@cb/testing';
import { extractTraceContext, injectTraceHeaders, startTelemetry, type Telemetry, withExtractedContext } from '../src';

describe('trace context in NATS message headers', () => {
  let telemetry: Telemetry;
  let nats: NatsConnection;

  beforeAll(async () => {
    // The real SDK setup (no exporter configured): W3C propagator, async context, recording spans.
    telemetry = startTelemetry({ serviceName: 'trace-headers-test', env: {} });
    nats = await connect({ servers: testNatsUrl() });
  });

  afterAll(async () => {
    await nats.drain();
    await telemetry.shutdown();
  });

  it('writes a lower-case W3C traceparent carrying the active trace id', () => {
    const tracer = trace.getTracer('test');
    tracer.startActiveSpan('publish', (span) => {
      const carrier = injectTraceHeaders({});
      expect(carrier.traceparent).toMatch(
        new RegExp(`^00-${span.spanContext().traceId}-${span.spanContext().spanId}-0[01]$`),
      );
      span.end();
    });
  });

  it('adds nothing outside a span', () => {
    expect(injectTraceHeaders({}, context.active())).toEqual({});
  });

  it('keeps the trace id from publisher to consumer over a real NATS message', async () => {
    const subject = uniqueName('telemetry.trace');
    const subscription = nats.subscribe(subject, { max: 1 });
    const tracer = trace.getTracer('test');

    const sent = tracer.startActiveSpan('cb.spider.vm.created publish', (span) => {
      const carrier = injectTraceHeaders({});
      const natsHeaders = headers();
      for (const [key, value] of Object.entries(carrier)) natsHeaders.set(key, value);
      nats.publish(subject, 'payload', { headers: natsHeaders });
      span.end();
      return span.spanContext();
    });

    for await (const message of subscription) {
      const received = withExtractedContext(message.headers, () =>
        tracer.startActiveSpan('consume', (span) => {
          span.end();
          return span.spanContext();
        }),
      );
      expect(received.traceId).toBe(sent.traceId);
      expect(received.spanId).not.toBe(sent.spanId);
      expect(trace.getSpanContext(extractTraceContext(message.headers))?.spanId).toBe(sent.spanId);
    }
  });

  it('round-trips through a plain record carrier', () => {
    const tracer = trace.getTracer('test');
    const { carrier, traceId } = tracer.startActiveSpan('outer', (span) => {
      span.end();
      return { carrier: injectTraceHeaders(), traceId: span.spanContext().traceId };
    });
    expect(trace.getSpanContext(extractTraceContext(carrier))?.traceId).toBe(traceId);
    expect(trace.getSpanContext(extractTraceContext({}))).toBeUndefined();
  });
});
