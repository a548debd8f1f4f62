import type { RunningService } from '@cb/runtime';
import { createLogger, type Logger } from '@cb/telemetry';
import { createTestDatabase, type TestDatabase } from '@cb/testing';
import { randomBytes } from 'node:crypto';
import { spiderService } from '../src';
import type { SpiderEvents } from '../src/events';

/** The service's real logger, its JSON lines collected so that tests can grep them for secrets. */
export function capturingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger('spider', { level: 'debug', destination: { write: (line: string) => lines.push(line) } });
  return { logger, lines };
}

export const AUTH = { username: 'default', password: 'default' };

export interface SpiderUnderTest {
  service: RunningService;
  db: TestDatabase;
  logLines: string[];
  env: NodeJS.ProcessEnv;
  /** fetch relative to /spider with Basic auth (unless `auth: false`) and a JSON body. */
  call(method: string, path: string, body?: unknown, options?: { auth?: boolean; raw?: string }): Promise<Reply>;
  stop(): Promise<void>;
}

export interface Reply {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
  headers: Headers;
}

/** spider as main.ts runs it: real PostgreSQL database, real HTTP on 127.0.0.1:<free port>. */
export async function startSpider(events: SpiderEvents, extraEnv: NodeJS.ProcessEnv = {}): Promise<SpiderUnderTest> {
  const db = await createTestDatabase('spider_cim');
  const { logger, lines: logLines } = capturingLogger();
  const env = {
    SPIDER_PORT: '0',
    SPIDER_GRPC_PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: db.url,
    SPIDER_USERNAME: AUTH.username,
    SPIDER_PASSWORD: AUTH.password,
    CB_SECRET_KEY: randomBytes(32).toString('base64'),
    // No hub: drivers are the built-in ones, other DriverLibFileNames are kept as given (upstream's way).
    HUB_GRPC_ADDRESS: 'off',
    ...extraEnv,
  };
  const service = await spiderService.create(env, { events, logger });
  await service.start();
  const base = service.endpoints().rest!;
  const authorization = `Basic ${Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')}`;

  async function call(method: string, path: string, body?: unknown, options: { auth?: boolean; raw?: string } = {}) {
    const headers: Record<string, string> = {};
    if (options.auth !== false) headers.authorization = authorization;
    const payload = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${base}${path}`, { method, headers, body: payload, redirect: 'manual' });
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed, text, headers: response.headers };
  }

  return {
    service,
    db,
    logLines,
    env,
    call,
    async stop() {
      await service.stop();
      await db.drop();
    },
  };
}

/** Upstream's mock registration (connect-config/9.mock-conn-config.sh). */
export const MOCK = {
  driver: { DriverName: 'mock-driver01', ProviderName: 'MOCK', DriverLibFileName: 'mock-driver-v1.0.so' },
  credential: {
    CredentialName: 'mock-credential01',
    ProviderName: 'MOCK',
    KeyValueInfoList: [{ Key: 'MockName', Value: 'mock_name00' }],
  },
  region: {
    RegionName: 'mock-region01',
    ProviderName: 'MOCK',
    KeyValueInfoList: [{ Key: 'Region', Value: 'default' }],
  },
  config: {
    ConfigName: 'mock-config01',
    ProviderName: 'MOCK',
    DriverName: 'mock-driver01',
    CredentialName: 'mock-credential01',
    RegionName: 'mock-region01',
  },
};

export async function registerMock(spider: SpiderUnderTest, suffix = '') {
  const named = (value: string) => value + suffix;
  await expectOk(spider.call('POST', '/driver', { ...MOCK.driver, DriverName: named('mock-driver01') }));
  await expectOk(
    spider.call('POST', '/credential', { ...MOCK.credential, CredentialName: named('mock-credential01') }),
  );
  await expectOk(spider.call('POST', '/region', { ...MOCK.region, RegionName: named('mock-region01') }));
  await expectOk(
    spider.call('POST', '/connectionconfig', {
      ConfigName: named('mock-config01'),
      ProviderName: 'MOCK',
      DriverName: named('mock-driver01'),
      CredentialName: named('mock-credential01'),
      RegionName: named('mock-region01'),
    }),
  );
}

async function expectOk(reply: Promise<Reply>) {
  const { status, text } = await reply;
  if (status !== 200) throw new Error(`expected 200, got ${status}: ${text}`);
}
