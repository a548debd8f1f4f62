import { context, type Context, propagation, ROOT_CONTEXT, type TextMapGetter } from '@opentelemetry/api';

/**
 * Trace context across NATS: there is no NATS instrumentation, so publishers put W3C `traceparent`
 * (and `tracestate`, `baggage`) into the message headers and consumers continue the trace from them.
 * Carriers are plain records so this lib needs no NATS import; header names stay lower case because
 * NATS header lookups are exact-match.
 */
export type TraceCarrier = Record<string, string>;

/** Reads either a plain record or a NATS `MsgHdrs`-like object (`get`/`keys`). */
export type TraceCarrierSource = TraceCarrier | HeaderMap | undefined;

interface HeaderMap {
  get(key: string): string;
  keys(): string[];
}

function isHeaderMap(carrier: object): carrier is HeaderMap {
  return typeof (carrier as HeaderMap).get === 'function' && typeof (carrier as HeaderMap).keys === 'function';
}

const getter: TextMapGetter<TraceCarrierSource> = {
  keys: (carrier) => (!carrier ? [] : isHeaderMap(carrier) ? carrier.keys() : Object.keys(carrier)),
  get: (carrier, key) => {
    if (!carrier) return undefined;
    const value = isHeaderMap(carrier) ? carrier.get(key) : carrier[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  },
};

/** Adds the active trace context (if any) to `carrier` and returns it. */
export function injectTraceHeaders(carrier: TraceCarrier = {}, from: Context = context.active()): TraceCarrier {
  propagation.inject(from, carrier, {
    set: (target, key, value) => {
      target[key.toLowerCase()] = value;
    },
  });
  return carrier;
}

/** The context a received message was sent in, to start the consumer's span under. */
export function extractTraceContext(carrier: TraceCarrierSource, base: Context = ROOT_CONTEXT): Context {
  return propagation.extract(base, carrier, getter);
}

/** Runs `fn` inside the sender's trace context, so spans and log lines carry its trace id. */
export function withExtractedContext<T>(carrier: TraceCarrierSource, fn: () => T): T {
  return context.with(extractTraceContext(carrier), fn);
}
