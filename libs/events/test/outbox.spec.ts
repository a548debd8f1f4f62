import { createDataSource, runMigrations } from '@cb/db';
import { createTestDatabase, testNatsUrl, uniqueName, type TestDatabase } from '@cb/testing';
import type { DataSource } from 'typeorm';
import {
  CreateOutboxEvents1767225600000,
  JetStreamTransport,
  OutboxEventEntity,
  OutboxRelay,
  createEventBus,
  type EventTransport,
  type ReceivedEvent,
} from '../src';

/** `transport` with its publish replaced (handed the real one); closing it leaves `transport` open. */
function withPublish(
  transport: EventTransport,
  publish: (event: Parameters<EventTransport['publish']>[0], real: EventTransport['publish']) => Promise<void>,
): EventTransport {
  return {
    publish: (event) => publish(event, (e) => transport.publish(e)),
    subscribe: (...args) => transport.subscribe(...args),
    listen: (...args) => transport.listen(...args),
    close: async () => undefined,
  };
}

/** Publishes, then dies before the relay can mark the row: what a crash between PubAck and commit looks like. */
function crashingAfterPublish(transport: EventTransport): EventTransport {
  return withPublish(transport, async (event, publish) => {
    await publish(event);
    throw new Error('relay crashed after publishing');
  });
}

describe('transactional outbox over real PostgreSQL and NATS JetStream', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let transport: JetStreamTransport;

  beforeAll(async () => {
    db = await createTestDatabase('events_outbox');
    dataSource = await createDataSource({
      url: db.url,
      entities: [OutboxEventEntity],
      migrations: [CreateOutboxEvents1767225600000],
      logging: false,
    }).initialize();
    await runMigrations(dataSource);
  });

  beforeEach(async () => {
    const isolation = uniqueName('outbox');
    transport = await JetStreamTransport.connect(testNatsUrl(), {
      stream: isolation.toUpperCase(),
      subjectPrefix: `${isolation}.`,
    });
  });

  afterEach(() => transport.close());

  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  function receiver() {
    const received: ReceivedEvent[] = [];
    let notify = () => {};
    return {
      received,
      handler: async (event: ReceivedEvent) => {
        received.push(event);
        notify();
      },
      until: (done: () => boolean) =>
        new Promise<void>((resolve) => {
          notify = () => done() && resolve();
          notify();
        }),
    };
  }

  it('delivers an event committed with its transaction once, even when the relay crashed after publishing it', async () => {
    const bus = createEventBus({ transport });
    const mcmeta = receiver();
    const sub = await bus.subscribe('mcmeta', ['cb.spider.connection.registered'], mcmeta.handler);

    const eventId = await dataSource.transaction((manager) =>
      bus.publishInTransaction(manager, 'cb.spider.connection.registered', {
        configName: 'aws-seoul',
        providerName: 'AWS',
      }),
    );
    const crashed = new OutboxRelay(dataSource, crashingAfterPublish(transport), { retryDelayMs: 0 });
    expect(await crashed.flush()).toBe(0);
    const [row] = await dataSource.getRepository(OutboxEventEntity).findBy({ id: eventId });
    expect(row).toMatchObject({ publishedAt: null, attempts: 1, lastError: 'relay crashed after publishing' });

    const restarted = new OutboxRelay(dataSource, transport);
    expect(await restarted.flush()).toBe(1);
    const sentinelId = await dataSource.transaction((manager) =>
      bus.publishInTransaction(manager, 'cb.spider.connection.registered', { configName: 'sentinel' }),
    );
    expect(await restarted.flush()).toBe(1);
    await mcmeta.until(() => mcmeta.received.some((event) => event.id === sentinelId));
    await sub.stop();

    expect(mcmeta.received.map((event) => event.id)).toEqual([eventId, sentinelId]);
    expect(mcmeta.received[0].payload).toMatchObject({ configName: 'aws-seoul', providerName: 'AWS' });
    const published = await dataSource.getRepository(OutboxEventEntity).findOneByOrFail({ id: eventId });
    expect(published.publishedAt).toBeInstanceOf(Date);
  });

  it('publishes nothing for a rolled-back transaction', async () => {
    const bus = createEventBus({ transport });
    const hub = receiver();
    const sub = await bus.subscribe('spider', ['cb.hub.>'], hub.handler);
    let rolledBackId = '';
    await expect(
      dataSource.transaction(async (manager) => {
        rolledBackId = await bus.publishInTransaction(manager, 'cb.hub.driver.published', { name: 'doomed' });
        throw new Error('driver upload failed');
      }),
    ).rejects.toThrow('driver upload failed');
    const committedId = await dataSource.transaction((manager) =>
      bus.publishInTransaction(manager, 'cb.hub.driver.published', { name: 'aws' }),
    );
    await new OutboxRelay(dataSource, transport).flush();
    await hub.until(() => hub.received.some((event) => event.id === committedId));
    await sub.stop();

    expect(rolledBackId).not.toBe('');
    expect(hub.received.map((event) => event.id)).toEqual([committedId]);
    expect(await dataSource.getRepository(OutboxEventEntity).findBy({ id: rolledBackId })).toEqual([]);
  });

  it('wakes a started relay on commit and redelivers to a handler that failed', async () => {
    const bus = createEventBus({ transport });
    let attempts = 0;
    const tumblebug = receiver();
    const sub = await bus.subscribe(
      'tumblebug',
      ['cb.spider.vm.status_changed'],
      async (event) => {
        if (++attempts === 1) throw new Error('handler failed once');
        await tumblebug.handler(event);
      },
      { retryDelayMs: 50 },
    );
    const relay = new OutboxRelay(dataSource, transport, { pollIntervalMs: 60_000, keepPublishedMs: 0 });
    await relay.start();
    const eventId = await dataSource.transaction((manager) =>
      bus.publishInTransaction(manager, 'cb.spider.vm.status_changed', { iid: { nameId: 'vm-1' }, status: 'Running' }),
    );
    await tumblebug.until(() => tumblebug.received.length > 0);
    await relay.stop();
    await sub.stop();

    expect(attempts).toBe(2);
    expect(tumblebug.received.map((event) => [event.id, event.deliveryCount])).toEqual([[eventId, 2]]);
    expect(await dataSource.getRepository(OutboxEventEntity).findBy({ id: eventId })).toEqual([]);
  });

  it('passes again at once for a commit notified while a pass was publishing', async () => {
    const bus = createEventBus({ transport });
    const spider = receiver();
    const sub = await bus.subscribe('spider-wake', ['cb.hub.driver.published'], spider.handler);
    // The first publish waits until the second event is committed (and notified) mid-pass.
    let releaseFirst = () => {};
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstPublishing = () => {};
    const publishingFirst = new Promise<void>((resolve) => (firstPublishing = resolve));
    let publishes = 0;
    const holding = withPublish(transport, async (event, publish) => {
      if (++publishes === 1) {
        firstPublishing();
        await firstHeld;
      }
      await publish(event);
    });
    const publish = (name: string) =>
      dataSource.transaction((manager) => bus.publishInTransaction(manager, 'cb.hub.driver.published', { name }));
    const firstId = await publish('first');
    // A poll an hour away: only the commit's notification can bring the second event out in time.
    const relay = new OutboxRelay(dataSource, holding, { pollIntervalMs: 3_600_000, keepPublishedMs: 0 });
    await relay.start();
    await publishingFirst;
    const secondId = await publish('second');
    // Let the notification arrive while the pass is still publishing the first event.
    await new Promise((resolve) => setTimeout(resolve, 200));
    releaseFirst();
    await spider.until(() => spider.received.some((event) => event.id === secondId));
    await relay.stop();
    await sub.stop();
    expect(spider.received.map((event) => event.id)).toEqual([firstId, secondId]);
  }, 15_000);

  it('refuses to enqueue outside a transaction', async () => {
    const bus = createEventBus({ transport });
    await expect(
      bus.publishInTransaction(dataSource.manager, 'cb.hub.driver.deleted', { name: 'aws' }),
    ).rejects.toThrow(/open transaction/);
  });
});
