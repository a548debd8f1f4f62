import { UnavailableError } from '@cb/errors';
import { AUTH, authed, errorBody, PASSWORD, type RunningTestApp, startTestApp, USER } from './test-app';

describe('Basic auth and health', () => {
  let ready: boolean;
  let crash: boolean;
  let server: RunningTestApp;

  beforeAll(async () => {
    server = await startTestApp(
      ({ router }) => {
        router.get('/vpc', (_req, res) => {
          res.json({ vpc: [] });
        });
        router.get('/version', (_req, res) => {
          res.json({ version: '1.0' });
        });
      },
      {
        readiness: async () => {
          if (crash) throw new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2');
          if (!ready) throw new UnavailableError('database is not reachable');
        },
      },
    );
  });

  beforeEach(() => {
    ready = true;
    crash = false;
  });

  afterAll(() => server.close());

  it('refuses a request without credentials with 401 JSON and a Basic challenge', async () => {
    const response = await fetch(`${server.baseUrl}/vpc`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm="CB-Spider"/);
    expect(await response.json()).toEqual({ message: 'Unauthorized', code: 'UNAUTHENTICATED' });
  });

  it('refuses wrong credentials, a wrong scheme and garbage alike', async () => {
    const wrong = [
      `Basic ${Buffer.from(`${USER}:not-it`).toString('base64')}`,
      `Basic ${Buffer.from(`${USER}:${PASSWORD}x`).toString('base64')}`,
      `Bearer ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`,
      'Basic %%%',
    ];
    for (const authorization of wrong) {
      const response = await fetch(`${server.baseUrl}/vpc`, { headers: { Authorization: authorization } });
      expect(response.status).toBe(401);
      expect((await errorBody(response)).message).toBe('Unauthorized');
    }
  });

  it('lets the right credentials through', async () => {
    const response = await fetch(`${server.baseUrl}/vpc`, { headers: { Authorization: AUTH } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ vpc: [] });
  });

  it('keeps health, version and API-doc paths open', async () => {
    for (const path of ['/livez', '/readyz', '/version', '/openapi.json', '/api-docs/']) {
      const response = await fetch(`${server.baseUrl}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 200 });
    }
  });

  it('answers readyz with the service name when ready, 503 when not', async () => {
    const ok = await fetch(`${server.baseUrl}/readyz`);
    expect(await ok.json()).toEqual({ message: 'CB-Spider is ready' });

    ready = false;
    const down = await fetch(`${server.baseUrl}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({
      message: 'CB-Spider is not ready: database is not reachable',
      code: 'UNAVAILABLE',
    });
    const live = await fetch(`${server.baseUrl}/livez`);
    expect(live.status).toBe(200);
  });

  it('does not repeat an unexpected readiness failure to the caller', async () => {
    crash = true;
    const response = await fetch(`${server.baseUrl}/readyz`);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text).message).toBe('CB-Spider is not ready');
    expect(text).not.toContain('hunter2');
  });

  it('serves everything open when auth is off', async () => {
    const open = await startTestApp(
      ({ router }) => {
        router.get('/ns', (_req, res) => {
          res.json({ ns: [] });
        });
      },
      { auth: false, basePath: '/tumblebug' },
    );
    try {
      const response = await fetch(`${open.origin}/tumblebug/ns`);
      expect(response.status).toBe(200);
      expect((await fetch(`${open.origin}/tumblebug/readyz`)).status).toBe(200);
    } finally {
      await open.close();
    }
  });

  it('opens extra public paths given relative to the base path, and only those', async () => {
    const app = await startTestApp(
      ({ router }) => {
        router.get('/httpVersion', (_req, res) => res.json({ v: 1 }));
        router.get('/public/logo', (_req, res) => res.json({ logo: true }));
        router.get('/private', (_req, res) => res.json({ secret: true }));
      },
      { publicPaths: ['/httpVersion', '/public/*'] },
    );
    try {
      expect((await fetch(`${app.baseUrl}/httpVersion`)).status).toBe(200);
      expect((await fetch(`${app.baseUrl}/public/logo`)).status).toBe(200);
      expect((await fetch(`${app.baseUrl}/private`)).status).toBe(401);
      expect((await fetch(`${app.baseUrl}/private`, authed())).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
