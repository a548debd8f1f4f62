import { createEventBus, encodeEvent, type ReceivedEvent } from '@cb/events';
import { randomUUID } from 'node:crypto';
import { mockConnection, nextEvent, startHarness, type Harness } from './harness';

describe('events', () => {
  const fresh = mockConnection('azure-new', 'azure', 'koreacentral', { ImagesPerRegion: '300', Seed: 'events' });
  let harness: Harness;
  const seen: ReceivedEvent[] = [];

  beforeAll(async () => {
    harness = await startHarness([fresh]);
    await createEventBus({ transport: harness.transport }).subscribe(
      'events-spec',
      ['cb.mcmeta.sync.completed', 'cb.mcmeta.sync.failed'],
      async (event) => {
        seen.push(event);
      },
    );
  });

  afterAll(async () => {
    await harness?.close();
  });

  it('syncs a connection when spider announces it, then publishes cb.mcmeta.sync.completed with the counts', async () => {
    await harness.transport.publish({
      id: randomUUID(),
      subject: 'cb.spider.connection.registered',
      data: encodeEvent('cb.spider.connection.registered', {
        configName: 'azure-new',
        providerName: 'AZURE',
        driverName: 'mock',
        credentialName: 'c',
        regionName: 'koreacentral',
      }),
      headers: {},
    });
    const event = await nextEvent(seen, (e) => e.subject === 'cb.mcmeta.sync.completed');
    if (event.subject !== 'cb.mcmeta.sync.completed') throw new Error('unexpected event');
    expect(event.payload.connectionName).toBe('azure-new');
    const { body: run } = await harness.get(`/sync/${event.payload.syncId}`);
    expect(run).toMatchObject({ status: 'completed', trigger: 'connection-registered' });
    expect(Number(event.payload.counts['images.added'])).toBe(run.countsByKind.images.added);
    expect(run.countsByKind.images.added).toBeGreaterThan(0);
  });

  it('publishes cb.mcmeta.sync.failed naming the failing task', async () => {
    fresh.credential = [...fresh.credential, { Key: 'FailOps', Value: 'listImages' }];
    const started = await harness.post('/sync', { connectionName: 'azure-new', kinds: ['images'] });
    const event = await nextEvent(
      seen,
      (e) => e.subject === 'cb.mcmeta.sync.failed' && e.payload.syncId === started.body.id,
    );
    if (event.subject !== 'cb.mcmeta.sync.failed') throw new Error('unexpected event');
    expect(event.payload.error).toMatch(/azure-new\/images/);
    const { body: run } = await harness.get(`/sync/${started.body.id}`);
    expect(run.status).toBe('failed');
  });
});
