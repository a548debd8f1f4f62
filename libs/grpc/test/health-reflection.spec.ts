import { NotFoundError } from '@cb/errors';
import { checkHealth, listServicesByReflection } from '../src';
import { echoHarness, EchoService } from './echo-harness';

describe('health checking and server reflection on every server', () => {
  const harness = echoHarness();

  it('reports SERVING for the server and for each added service', async () => {
    const { address } = await harness.serve();
    await expect(checkHealth(address)).resolves.toBe('SERVING');
    await expect(checkHealth(address, EchoService.typeName)).resolves.toBe('SERVING');
  });

  it('reports NOT_SERVING while draining, and SERVING again after', async () => {
    const { server, address } = await harness.serve();
    server.setServing(false);
    await expect(checkHealth(address)).resolves.toBe('NOT_SERVING');
    await expect(checkHealth(address, EchoService.typeName)).resolves.toBe('NOT_SERVING');
    server.setServing(true);
    await expect(checkHealth(address, EchoService.typeName)).resolves.toBe('SERVING');
  });

  it('does not know services it does not serve', async () => {
    const { address } = await harness.serve();
    await expect(checkHealth(address, 'cb.nothing.v1.NothingService')).rejects.toBeInstanceOf(NotFoundError);
  });

  it('lists the added services through reflection', async () => {
    const { address } = await harness.serve();
    await expect(listServicesByReflection(address)).resolves.toEqual([EchoService.typeName]);
  });
});
