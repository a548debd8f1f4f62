import { createDataSource, runMigrations } from '@cb/db';
import { startTelemetry, type Telemetry } from '@cb/telemetry';
import { createTestDatabase, testNatsUrl, uniqueName, type TestDatabase } from '@cb/testing';
import { trace, type SpanContext } from '@opentelemetry/api';
import type { DataSource } from 'typeorm';
import {
  CreateOutboxEvents1767225600000,
  createEventBus,
  enqueueEvent,
  JetStreamTransport,
  OutboxEventEntity,
  OutboxRelay,
  type ReceivedEvent,
} from '../src';

describe('trace context from publisher to consumer (real PostgreSQL and NATS JetStream)', () => {
  let telemetry: Telemetry;
  let db: TestDatabase;
  let dataSource: DataSource;
  let transport: JetStreamTransport;

  beforeAll(async () => {
    // The real SDK setup (no exporter): W3C propagator, async context, recording spans.
    telemetry = startTelemetry({ serviceName: 'events-trace-test', env: {} });
    db = await createTestDatabase('events_trace');
    dataSource = await createDataSource({
      url: db.url,
      entities: [OutboxEventEntity],
      migrations: [CreateOutboxEvents1767225600000],
      logging: false,
    }).initialize();
    await runMigrations(dataSource);
    const isolation = uniqueName('trace');
    transport = await JetStreamTransport.connect(testNatsUrl(), {
      stream: isolation.toUpperCase(),
      subjectPrefix: `${isolation}.`,
    });
  });

  afterAll(async () => {
    await transport.close();
    await dataSource.destroy();
    await db.drop();
    await telemetry.shutdown();
  });

  it("runs the consumer's handler in a span of the trace the event was enqueued in", async () => {
    const bus = createEventBus({ transport });
    const seen: Array<{ event: ReceivedEvent; span: SpanContext | undefined }> = [];
    let arrived!: () => void;
    const twoArrived = new Promise<void>((resolve) => (arrived = resolve));
    const sub = await bus.subscribe('trace-consumer', ['cb.spider.connection.registered'], async (event) => {
      seen.push({ event, span: trace.getActiveSpan()?.spanContext() });
      if (seen.length === 2) arrived();
    });

    // As a service does it: enqueueEvent inside a transaction, inside the request's span.
    const request = await trace.getTracer('test').startActiveSpan('POST /spider/connectionconfig', async (span) => {
      await dataSource.transaction((manager) =>
        enqueueEvent(manager, 'cb.spider.connection.registered', { configName: 'traced' }),
      );
      span.end();
      return span.spanContext();
    });
    // Outside any span: nothing to carry.
    await dataSource.transaction((manager) =>
      enqueueEvent(manager, 'cb.spider.connection.registered', { configName: 'untraced' }),
    );
    await new OutboxRelay(dataSource, transport).flush();
    await twoArrived;
    await sub.stop();

    const [traced, untraced] = seen;
    expect(traced.event.payload).toMatchObject({ configName: 'traced' });
    expect(traced.event.headers.traceparent).toContain(`-${request.traceId}-${request.spanId}-`);
    expect(traced.span?.traceId).toBe(request.traceId);
    expect(traced.span?.spanId).not.toBe(request.spanId); // the consumer's own span, a child

    expect(untraced.event.payload).toMatchObject({ configName: 'untraced' });
    expect(untraced.event.headers.traceparent).toBeUndefined();
    expect(untraced.span?.traceId).not.toBe(request.traceId);
  });
});
