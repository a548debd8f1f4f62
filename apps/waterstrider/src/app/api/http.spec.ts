import { fakeResponse } from '../../../test/fake-response';
import { ApiError, createRequest } from './http';

const answer = (status: number, body: unknown) => jest.fn(async () => fakeResponse(status, body));

describe('the API client', () => {
  it('sends the Basic credentials and the query', async () => {
    const fetchImpl = answer(200, { ok: true });
    const request = createRequest({ username: 'me', password: 'pw' }, fetchImpl as unknown as typeof fetch);
    await expect(request('GET', '/mcmeta/images', { query: { q: 'ubuntu', cursor: undefined } })).resolves.toEqual({
      ok: true,
    });
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/mcmeta/images?q=ubuntu');
    expect((init.headers as Record<string, string>).authorization).toBe(`Basic ${btoa('me:pw')}`);
  });

  it.each([
    [401, { message: 'Unauthorized' }, /Sign-in rejected/],
    [409, { message: 'c1: in use by connection x', code: 'CONFLICT' }, /^c1: in use by connection x$/],
    [400, 'not json', /Request refused \(HTTP 400\)/],
    [503, { message: 'database down' }, /platform failed \(HTTP 503\): database down/],
  ])('turns HTTP %s into a message the user can act on', async (status, body, message) => {
    const request = createRequest({ username: 'u', password: 'p' }, answer(status, body) as unknown as typeof fetch);
    const error = (await request('GET', '/x').catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(status);
    expect(error.message).toMatch(message);
  });

  it('says so when the network or the gateway is down', async () => {
    const down = jest.fn(async () => {
      throw new TypeError('Failed to fetch');
    });
    const request = createRequest({ username: 'u', password: 'p' }, down as unknown as typeof fetch);
    await expect(request('GET', '/x')).rejects.toThrow(/Cannot reach the platform/);
  });
});
