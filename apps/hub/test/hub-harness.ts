import { noCapabilities, DRIVER_CONTRACT_VERSION } from '@cb/driver-sdk';
import type { RunningService, ServiceLogger } from '@cb/runtime';
import { createTestDatabase, type TestDatabase } from '@cb/testing';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHub, loadHubConfig } from '../src';
import { openTestEvents, type TestEvents } from './test-events';

export const PUBLISHER = { username: 'publisher', password: 'pa55-word' };

export interface RunningHub {
  rest: string;
  grpc: string;
  storageDir: string;
  db: TestDatabase;
  events: TestEvents;
  service: RunningService;
  stop(): Promise<void>;
}

const quiet: ServiceLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  child: () => quiet,
};

/** A real hub: its own PostgreSQL database, a temporary storage directory, loopback REST and gRPC ports. */
export async function startHub(env: Record<string, string> = {}, logger: ServiceLogger = quiet): Promise<RunningHub> {
  const db = await createTestDatabase('hub');
  const storageDir = await mkdtemp(join(tmpdir(), 'cb-hub-'));
  const events = await openTestEvents();
  const config = loadHubConfig({
    DATABASE_URL: db.url,
    HUB_PORT: '0',
    HUB_GRPC_PORT: '0',
    HUB_USERNAME: PUBLISHER.username,
    HUB_PASSWORD: PUBLISHER.password,
    HUB_STORAGE_DIR: storageDir,
    ...env,
  });
  const service = await createHub(config, { events: events.transport, logger });
  await service.start();
  const { rest, grpc } = service.endpoints();
  return {
    rest: rest!,
    grpc: grpc!,
    storageDir,
    db,
    events,
    service,
    async stop() {
      await service.stop();
      await events.close();
      await db.drop();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

export const basicAuth = (user = PUBLISHER) =>
  `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** A small but real ES module driver artifact, different per name and version. */
export function fakeArtifact(name: string, version: string, padding = 0): Buffer {
  return Buffer.from(
    `// ${name} ${version}\nexport default { manifest: ${JSON.stringify({ DriverName: name, Version: version })} };\n/*${'x'.repeat(padding)}*/\n`,
  );
}

export function manifestOf(name: string, version: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    provider: 'MOCK',
    version,
    contractVersion: DRIVER_CONTRACT_VERSION,
    capabilities: { ...noCapabilities(), VPCHandler: true, VMHandler: true },
    description: `${name} for tests`,
    ...extra,
  };
}

/** POST /hub/drivers as a multipart form (manifest as text, artifact as a file). */
export async function publish(
  hub: Pick<RunningHub, 'rest'>,
  manifest: object | string,
  artifact: Uint8Array,
  auth: string | null = basicAuth(),
): Promise<{ status: number; body: Record<string, unknown> }> {
  const form = new FormData();
  form.append('manifest', typeof manifest === 'string' ? manifest : JSON.stringify(manifest));
  form.append('artifact', new Blob([artifact]), 'driver.mjs');
  const response = await fetch(`${hub.rest}/drivers`, {
    method: 'POST',
    body: form,
    headers: auth ? { authorization: auth } : {},
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export async function getJson(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}
