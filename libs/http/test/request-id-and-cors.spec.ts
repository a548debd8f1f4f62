import { authed, type RunningTestApp, startTestApp } from './test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request id and CORS', () => {
  let server: RunningTestApp;

  beforeAll(async () => {
    server = await startTestApp(({ router }) => {
      router.get('/whoami', (_req, res) => {
        res.json({ requestId: res.locals.requestId });
      });
    });
  });

  afterAll(() => server.close());

  it('echoes a sane incoming X-Request-Id and uses it in logs', async () => {
    const response = await fetch(`${server.baseUrl}/whoami`, authed({ headers: { 'X-Request-Id': 'gw-1234.abc' } }));
    expect(response.headers.get('x-request-id')).toBe('gw-1234.abc');
    expect(await response.json()).toEqual({ requestId: 'gw-1234.abc' });
    const line = server.logs.map((entry) => JSON.parse(entry)).find((entry) => entry.requestId === 'gw-1234.abc');
    expect(line).toMatchObject({ method: 'GET', path: '/spider/whoami', status: 200 });
  });

  it('generates a uuid when none or an unsafe one is sent', async () => {
    const none = await fetch(`${server.baseUrl}/whoami`, authed());
    expect(none.headers.get('x-request-id')).toMatch(UUID);
    for (const bad of ['x'.repeat(200), 'a b', '<script>']) {
      const response = await fetch(`${server.baseUrl}/whoami`, authed({ headers: { 'X-Request-Id': bad } }));
      expect(response.headers.get('x-request-id')).toMatch(UUID);
    }
  });

  it('puts the request id on refusals too', async () => {
    const response = await fetch(`${server.baseUrl}/whoami`, { headers: { 'X-Request-Id': 'refused-1' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-request-id')).toBe('refused-1');
  });

  it('answers a CORS preflight without credentials', async () => {
    const response = await fetch(`${server.baseUrl}/whoami`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://console.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,content-type');
  });

  it('marks actual cross-origin answers and exposes the request id', async () => {
    const response = await fetch(`${server.baseUrl}/whoami`, authed({ headers: { Origin: 'http://console.example' } }));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-expose-headers')).toBe('X-Request-Id');
  });

  it('allows only listed origins when given a list', async () => {
    const strict = await startTestApp(undefined, { cors: { origins: ['http://console.example'], credentials: true } });
    try {
      const preflight = (origin: string) =>
        fetch(`${strict.baseUrl}/readyz`, {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'GET' },
        });
      const allowed = await preflight('http://console.example');
      expect(allowed.headers.get('access-control-allow-origin')).toBe('http://console.example');
      expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
      const refused = await preflight('http://evil.example');
      expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await strict.close();
    }
  });
});
