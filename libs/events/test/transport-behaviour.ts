import { randomUUID } from 'node:crypto';
import {
  encodeEvent,
  type DeliveredEvent,
  type DeliveryHandler,
  type EventTransport,
  type OutgoingEvent,
} from '../src';

/** Records deliveries and lets a test wait until what it expects has arrived (jest's timeout bounds it). */
export function inbox(behaviour: (event: DeliveredEvent) => Promise<void> = async () => undefined) {
  const events: DeliveredEvent[] = [];
  const waiters = new Set<() => void>();
  const handler: DeliveryHandler = async (event) => {
    await behaviour(event);
    events.push(event);
    for (const check of waiters) check();
  };
  const until = (done: (events: DeliveredEvent[]) => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (done(events)) {
          waiters.delete(check);
          resolve();
        }
      };
      waiters.add(check);
      check();
    });
  return { events, handler, until, has: (id: string) => until((list) => list.some((event) => event.id === id)) };
}

export function vmCreated(vmName: string, id: string = randomUUID()): OutgoingEvent {
  const data = encodeEvent('cb.spider.vm.created', { connectionName: 'mock-conn', iid: { nameId: vmName } });
  return {
    id,
    subject: 'cb.spider.vm.created',
    data,
    headers: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
  };
}

export function driverPublished(id: string = randomUUID()): OutgoingEvent {
  return {
    id,
    subject: 'cb.hub.driver.published',
    data: encodeEvent('cb.hub.driver.published', { name: 'aws' }),
    headers: {},
  };
}

/** The behaviours every transport must show, run against JetStream and in-process alike. */
export function itBehavesLikeAnEventTransport(transport: () => EventTransport, consumer: (name: string) => string) {
  it('delivers a published event with its id, subject, payload and headers', async () => {
    const received = inbox();
    const sub = await transport().subscribe(consumer('deliver'), ['cb.spider.vm.created'], received.handler);
    const event = vmCreated('vm-1');
    await transport().publish(event);
    await received.has(event.id);
    await sub.stop();
    expect(received.events).toEqual([{ ...event, data: expect.any(Uint8Array), deliveryCount: 1 }]);
    expect(Buffer.from(received.events[0].data)).toEqual(Buffer.from(event.data));
  });

  it('stores an event published twice with the same id once', async () => {
    const received = inbox();
    const sub = await transport().subscribe(consumer('dedup'), ['cb.spider.vm.created'], received.handler);
    const event = vmCreated('vm-dup');
    await transport().publish(event);
    await transport().publish(event);
    const sentinel = vmCreated('vm-after');
    await transport().publish(sentinel);
    await received.has(sentinel.id);
    await sub.stop();
    expect(received.events.map((e) => e.id)).toEqual([event.id, sentinel.id]);
  });

  it('delivers again an event whose handler failed', async () => {
    let failures = 0;
    const received = inbox(async () => {
      if (failures++ === 0) throw new Error('database briefly unavailable');
    });
    const sub = await transport().subscribe(consumer('retry'), ['cb.spider.vm.created'], received.handler, {
      retryDelayMs: 50,
    });
    const event = vmCreated('vm-retry');
    await transport().publish(event);
    await received.has(event.id);
    await sub.stop();
    expect(failures).toBe(2);
    expect(received.events.map((e) => [e.id, e.deliveryCount])).toEqual([[event.id, 2]]);
  });

  it('resumes a durable consumer where it stopped, with what was published while it was away', async () => {
    const name = consumer('resume');
    const first = inbox();
    let sub = await transport().subscribe(name, ['cb.spider.>'], first.handler);
    const before = vmCreated('vm-before');
    await transport().publish(before);
    await first.has(before.id);
    await sub.stop();

    const whileAway = vmCreated('vm-while-away');
    await transport().publish(whileAway);
    const second = inbox();
    sub = await transport().subscribe(name, ['cb.spider.>'], second.handler);
    await second.has(whileAway.id);
    await sub.stop();
    expect(second.events.map((e) => e.id)).toEqual([whileAway.id]);
  });

  it('delivers only the subjects a consumer asked for', async () => {
    const received = inbox();
    const sub = await transport().subscribe(
      consumer('filter'),
      ['cb.spider.vm.created', 'cb.spider.connection.registered'],
      received.handler,
    );
    const other = driverPublished();
    const wanted = vmCreated('vm-wanted');
    await transport().publish(other);
    await transport().publish(wanted);
    await received.has(wanted.id);
    await sub.stop();
    expect(received.events.map((e) => e.subject)).toEqual(['cb.spider.vm.created']);
  });
}
