import { request, type IncomingMessage } from 'node:http';
import { AUTH } from './cim-helpers';
import { startResourceSpider, type ResourceSpider } from './resources-helpers';

const C = 'big-conn';
const IMAGES = 20_000;

/**
 * A 20,000-image catalog over REST: the array is written as the driver yields it (chunked, never built
 * whole), and a client that goes away stops the driver's listing. Counts, not timings, are asserted.
 */
describe('spider resources: streamed image catalog', () => {
  let rs: ResourceSpider;

  beforeAll(async () => {
    // One call at a time per connection: a listing that did not stop would hold the only slot.
    rs = await startResourceSpider({ SPIDER_MAX_CONCURRENT_CALLS_PER_CONNECTION: '1' });
    await rs.connect(C, { ImagesPerRegion: String(IMAGES) });
  });
  afterAll(async () => {
    await rs?.stop();
  });

  function open(path: string): Promise<IncomingMessage> {
    const base = new URL(rs.spider.service.endpoints().rest!);
    const authorization = `Basic ${Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')}`;
    return new Promise((resolve, reject) => {
      const req = request(
        { host: base.hostname, port: base.port, path: `${base.pathname}${path}`, headers: { authorization } },
        resolve,
      );
      req.on('error', reject);
      req.end();
    });
  }

  const listImageCalls = async () =>
    (await rs.call('GET', `/callhistory?ConnectionName=${C}&Operation=listImages`)).body.callhistory as {
      Outcome: string;
    }[];

  it('streams all 20,000 images as one valid JSON array, answering before the listing ends', async () => {
    const res = await open(`/vmimage?ConnectionName=${C}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-length']).toBeUndefined();

    const chunks: Buffer[] = [];
    const first = await new Promise<Buffer>((resolve) => res.once('data', resolve));
    res.pause();
    chunks.push(first);
    expect(first.toString().startsWith('{"image":[{')).toBe(true);
    // The first bytes are out while the driver's listing is still open (a built-up array would come after it).
    expect(await listImageCalls()).toEqual([]);

    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    await new Promise((resolve) => {
      res.on('end', resolve);
      res.resume();
    });
    expect(chunks.length).toBeGreaterThan(1);
    const body = JSON.parse(Buffer.concat(chunks).toString()) as { image: { IId: { NameId: string } }[] };
    expect(Object.keys(body)).toEqual(['image']);
    expect(body.image).toHaveLength(IMAGES);
    expect(new Set(body.image.map((i) => i.IId.NameId)).size).toBe(IMAGES);
    expect(body.image.slice(0, 5).map((i) => i.IId.NameId)).toEqual([
      'mock-vmimage-01',
      'mock-vmimage-02',
      'mock-vmimage-03',
      'mock-vmimage-04',
      'mock-vmimage-05',
    ]);
    expect((await listImageCalls()).map((c) => c.Outcome)).toEqual(['ok']);
  });

  it('stops reading the driver when the client goes away, freeing the connection for the next call', async () => {
    const res = await open(`/vmimage?ConnectionName=${C}`);
    await new Promise((resolve) => res.once('data', resolve));
    res.destroy();
    // With one call slot per connection, this waits for the abandoned listing to let go of it.
    const image = await rs.call('GET', `/vmimage/mock-vmimage-01?ConnectionName=${C}`);
    expect(image.status).toBe(200);
    expect(image.body.IId.NameId).toBe('mock-vmimage-01');
    expect((await listImageCalls()).length).toBe(2);
  });

  it('answers a failure to open the listing with its status and message, not a broken stream', async () => {
    const unknown = await rs.call('GET', '/vmimage?ConnectionName=ghost');
    expect(unknown).toMatchObject({ status: 404, body: { message: 'ghost: does not exist!' } });
  });
});
