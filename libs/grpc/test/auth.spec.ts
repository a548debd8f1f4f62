import { InvalidArgumentError, UnauthenticatedError } from '@cb/errors';
import { checkHealth, createGrpcServer, listServicesByReflection } from '../src';
import { echoHarness } from './echo-harness';

describe('shared-token auth between services', () => {
  const harness = echoHarness();
  const auth = { token: 'service-token-1' };

  it('refuses calls without the token', async () => {
    const { address } = await harness.serve({}, { auth });
    await expect(harness.connect(address).echo({ text: 'hi' })).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses calls with a wrong token, streams included', async () => {
    const { address } = await harness.serve({}, { auth });
    const client = harness.connect(address, { token: 'service-token-2' });
    await expect(client.echo({ text: 'hi' })).rejects.toBeInstanceOf(UnauthenticatedError);
    const reading = (async () => {
      for await (const response of client.count({ count: 3 })) void response;
    })();
    await expect(reading).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('accepts calls with the token', async () => {
    const { address } = await harness.serve({}, { auth });
    const client = harness.connect(address, { token: auth.token });
    await expect(client.echo({ text: 'hi' })).resolves.toMatchObject({ text: 'hi' });
    const numbers: number[] = [];
    for await (const { number } of client.count({ count: 3 })) numbers.push(number);
    expect(numbers).toEqual([1, 2, 3]);
  });

  it('leaves health and reflection open to probes without a token', async () => {
    const { address } = await harness.serve({}, { auth });
    await expect(checkHealth(address)).resolves.toBe('SERVING');
    await expect(listServicesByReflection(address)).resolves.toEqual(['cb.testkit.v1.EchoService']);
  });

  it('rejects an empty token at configuration time', () => {
    expect(() => createGrpcServer({ auth: { token: '' } })).toThrow(InvalidArgumentError);
  });
});
