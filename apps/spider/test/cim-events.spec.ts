import { decodeEvent, type DeliveredEvent, type Subscription } from '@cb/events';
import { uniqueName } from '@cb/testing';
import { Client } from 'pg';
import { MOCK, registerMock, startSpider, type SpiderUnderTest } from './cim-helpers';
import { connectTestEvents, type TestEvents } from './cim-events-helper';

const REGISTERED = 'cb.spider.connection.registered';
const DELETED = 'cb.spider.connection.deleted';

describe('connection events through the outbox and JetStream', () => {
  let events: TestEvents;
  let spider: SpiderUnderTest;
  let subscription: Subscription;
  const delivered: DeliveredEvent[] = [];
  let onDelivery: () => void = () => {};

  beforeAll(async () => {
    events = await connectTestEvents('cim_events');
    subscription = await events.transport.subscribe(uniqueName('spider_cim_test'), [REGISTERED, DELETED], async (e) => {
      delivered.push(e);
      onDelivery();
    });
    spider = await startSpider(events.transport);
  });
  afterAll(async () => {
    await subscription?.stop();
    await spider?.stop();
    await events?.close();
  });

  /** Resolves once `count` events have arrived (the relay publishes after commit, asynchronously). */
  function deliveries(count: number): Promise<DeliveredEvent[]> {
    return new Promise((resolve) => {
      const check = () => {
        if (delivered.length >= count) resolve(delivered.slice(0, count));
      };
      onDelivery = check;
      check();
    });
  }

  async function outboxSubjects(): Promise<string[]> {
    const client = new Client({ connectionString: spider.db.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT subject FROM outbox_events ORDER BY created_at');
      return rows.map((row: { subject: string }) => row.subject);
    } finally {
      await client.end();
    }
  }

  it('writes nothing to the outbox for a refused registration', async () => {
    const refused = await spider.call('POST', '/connectionconfig', MOCK.config);
    expect(refused.status).toBe(404);
    expect(await outboxSubjects()).toEqual([]);
  });

  it('records registered and deleted in the outbox and delivers them over JetStream', async () => {
    await registerMock(spider);
    expect((await spider.call('DELETE', '/connectionconfig/mock-config01')).status).toBe(200);
    // Deleting again deletes nothing, so announces nothing.
    expect((await spider.call('DELETE', '/connectionconfig/mock-config01')).body).toEqual({ Result: 'true' });
    expect(await outboxSubjects()).toEqual([REGISTERED, DELETED]);

    const [registered, deleted] = await deliveries(2);
    expect(registered!.subject).toBe(REGISTERED);
    expect(decodeEvent(REGISTERED, registered!.data)).toMatchObject({
      configName: 'mock-config01',
      providerName: 'MOCK',
      driverName: 'mock-driver01',
      credentialName: 'mock-credential01',
      regionName: 'mock-region01',
    });
    expect(deleted!.subject).toBe(DELETED);
    expect(decodeEvent(DELETED, deleted!.data)).toMatchObject({ configName: 'mock-config01', providerName: 'MOCK' });
    expect(delivered).toHaveLength(2);
  });
});
