import { decodeEvent, type DeliveredEvent } from '@cb/events';
import { basicAuth, fakeArtifact, manifestOf, publish, type RunningHub, sha256, startHub } from './hub-harness';

describe('hub events over JetStream', () => {
  let hub: RunningHub;
  const received: DeliveredEvent[] = [];
  let arrived: () => void = () => undefined;

  beforeAll(async () => {
    hub = await startHub();
    await hub.events.transport.subscribe(
      'hub-spec',
      ['cb.hub.driver.published', 'cb.hub.driver.deleted'],
      async (event) => {
        received.push(event);
        arrived();
      },
    );
  });
  afterAll(() => hub?.stop());

  const nextEvents = (count: number) =>
    new Promise<void>((resolve) => {
      arrived = () => received.length >= count && resolve();
      arrived();
    });

  it('publishes cb.hub.driver.published with the release, once per new version', async () => {
    const bytes = fakeArtifact('evented', '1.0.0');
    await publish(hub, manifestOf('evented', '1.0.0'), bytes);
    await publish(hub, manifestOf('evented', '1.0.0'), bytes); // same bytes again: no new release, no event
    await publish(hub, manifestOf('evented', '1.2.0'), fakeArtifact('evented', '1.2.0'));
    await nextEvents(2);
    expect(received.map((e) => e.subject)).toEqual(['cb.hub.driver.published', 'cb.hub.driver.published']);
    expect(decodeEvent('cb.hub.driver.published', received[0].data)).toMatchObject({
      name: 'evented',
      version: '1.0.0',
      provider: 'MOCK',
      sha256: sha256(bytes),
      size: BigInt(bytes.length),
    });
  });

  it('publishes cb.hub.driver.deleted for a version and for a whole driver', async () => {
    const auth = { authorization: basicAuth() };
    await fetch(`${hub.rest}/drivers/evented/versions/1.0.0`, { method: 'DELETE', headers: auth });
    await fetch(`${hub.rest}/drivers/evented`, { method: 'DELETE', headers: auth });
    await nextEvents(4);
    const deleted = received.slice(2).map((e) => decodeEvent('cb.hub.driver.deleted', e.data));
    expect(deleted).toEqual([
      expect.objectContaining({ name: 'evented', version: '1.0.0' }),
      expect.objectContaining({ name: 'evented', version: '' }),
    ]);
  });
});
