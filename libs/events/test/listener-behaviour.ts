import type { EventTransport, EventsLogger } from '../src';
import { driverPublished, inbox, vmCreated } from './transport-behaviour';

/** A logger that keeps what it was told and lets a test wait for a line. */
export function recordingLogger() {
  const errors: Array<{ details: Record<string, unknown>; message: string }> = [];
  const waiters = new Set<() => void>();
  const logger: EventsLogger = {
    warn: () => undefined,
    error: (details, message) => {
      errors.push({ details: details as Record<string, unknown>, message });
      for (const check of waiters) check();
    },
  };
  const errorAbout = (eventId: string) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (errors.some((line) => line.details.id === eventId)) {
          waiters.delete(check);
          resolve();
        }
      };
      waiters.add(check);
      check();
    });
  return { logger, errors, errorAbout };
}

/** What every transport's `listen` must do: broadcast, new events only, bounded retries. */
export function itBehavesLikeAListener(
  transport: () => EventTransport,
  logged: () => ReturnType<typeof recordingLogger>,
) {
  it('gives each new event to every listener, even to two with the same name', async () => {
    const first = inbox();
    const second = inbox();
    const subs = [
      await transport().listen('console', ['cb.spider.>'], first.handler),
      await transport().listen('console', ['cb.spider.>'], second.handler),
    ];
    const event = vmCreated('vm-broadcast');
    await transport().publish(event);
    await Promise.all([first.has(event.id), second.has(event.id)]);
    await Promise.all(subs.map((sub) => sub.stop()));
    expect(first.events.map((e) => e.id)).toEqual([event.id]);
    expect(second.events.map((e) => e.id)).toEqual([event.id]);
  });

  it('does not deliver what was published before it started listening', async () => {
    const before = vmCreated('vm-before-listening');
    await transport().publish(before);
    const received = inbox();
    const sub = await transport().listen('late', ['cb.spider.vm.created'], received.handler);
    const after = vmCreated('vm-after-listening');
    await transport().publish(after);
    await received.has(after.id);
    await sub.stop();
    expect(received.events.map((e) => e.id)).toEqual([after.id]);
  });

  it('delivers only the subjects a listener asked for', async () => {
    const received = inbox();
    const sub = await transport().listen(
      'filtered',
      ['cb.spider.vm.created', 'cb.spider.connection.registered'],
      received.handler,
    );
    const other = driverPublished();
    const wanted = vmCreated('vm-wanted-by-listener');
    await transport().publish(other);
    await transport().publish(wanted);
    await received.has(wanted.id);
    await sub.stop();
    expect(received.events.map((e) => e.subject)).toEqual(['cb.spider.vm.created']);
  });

  it('retries a failing handler a bounded number of times, then logs the event and carries on', async () => {
    const doomed = vmCreated('vm-doomed');
    const attempts: number[] = [];
    const received = inbox(async (event) => {
      if (event.id !== doomed.id) return;
      attempts.push(event.deliveryCount);
      throw new Error('cache backend down');
    });
    const sub = await transport().listen('flaky', ['cb.spider.vm.created'], received.handler, {
      maxDeliver: 3,
      retryDelayMs: 20,
    });
    const next = vmCreated('vm-next');
    await transport().publish(doomed);
    await transport().publish(next);
    await Promise.all([received.has(next.id), logged().errorAbout(doomed.id)]);
    await sub.stop();
    expect(attempts).toEqual([1, 2, 3]);
    expect(received.events.map((e) => e.id)).toEqual([next.id]);
    expect(logged().errors).toEqual([
      expect.objectContaining({
        message: 'event given up after max deliveries',
        details: expect.objectContaining({ id: doomed.id, deliveryCount: 3 }),
      }),
    ]);
  });

  it('stops delivering to a listener that stopped, while the others go on', async () => {
    const stopped = inbox();
    const staying = inbox();
    const stoppedSub = await transport().listen('leaving', ['cb.hub.>'], stopped.handler);
    const stayingSub = await transport().listen('staying', ['cb.hub.>'], staying.handler);
    await stoppedSub.stop();
    const event = driverPublished();
    await transport().publish(event);
    await staying.has(event.id);
    await stayingSub.stop();
    expect(stopped.events).toEqual([]);
  });
}
