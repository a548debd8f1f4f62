import { Client } from 'pg';
import { createMockDriver } from '@cb/driver-mock';
import { JetStreamTransport } from '@cb/events';
import { createTestDatabase, testNatsUrl, uniqueName, type TestDatabase } from '@cb/testing';
import { DriverMetadataSource, type DriverConnection } from '../src/domain/source/driver-metadata-source';
import type { MetadataSource } from '../src/domain/source/metadata-source';
import { createMcMeta } from '../src/mc-meta';
import { loadMcMetaConfig } from '../src/config';

export const AUTH = { username: 'meta', password: 'meta-secret' };

export const quiet = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  child() {
    return quiet;
  },
};

/** A mock-cloud connection: the credential is the mock's catalog recipe (profile, size, seed, version). */
export function mockConnection(
  name: string,
  profile: 'aws' | 'gcp' | 'azure',
  region: string,
  recipe: Record<string, string>,
  driver = createMockDriver(),
): DriverConnection {
  const credential = Object.entries({ MockName: name, Profile: profile, ...recipe }).map(([Key, Value]) => ({
    Key,
    Value,
  }));
  return { name, provider: profile, region, driver, credential };
}

export function setCredential(connection: DriverConnection, key: string, value: string): void {
  connection.credential = [...connection.credential.filter((kv) => kv.Key !== key), { Key: key, Value: value }];
}

export interface Harness {
  db: TestDatabase;
  transport: JetStreamTransport;
  service: Awaited<ReturnType<typeof createMcMeta>>;
  rest: string;
  grpc: string;
  get(path: string): Promise<{ status: number; body: any }>;
  post(path: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** A JetStream stream of the suite's own, so that other suites' events stay out. */
export function suiteTransport(): Promise<JetStreamTransport> {
  const name = uniqueName('mcmeta');
  return JetStreamTransport.connect(testNatsUrl(), {
    stream: name.toUpperCase(),
    subjectPrefix: `${name}.`,
    logger: { warn: () => undefined, error: () => undefined },
  });
}

/** mc-meta on free ports over a fresh database and its own JetStream stream, reading the given mock connections. */
export function startHarness(connections: DriverConnection[], env: Record<string, string> = {}): Promise<Harness> {
  return startMcMeta({ source: new DriverMetadataSource(connections), env });
}

/** mc-meta's configuration for tests: the given database, the suite's credentials, free ports, no schedule. */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}) {
  return loadMcMetaConfig({
    DATABASE_URL: databaseUrl,
    MCMETA_USERNAME: AUTH.username,
    MCMETA_PASSWORD: AUTH.password,
    MCMETA_PORT: '0',
    MCMETA_GRPC_PORT: '0',
    MCMETA_SYNC_INTERVAL_MINUTES: '0',
    ...env,
  });
}

/**
 * mc-meta on free ports over a fresh database. Without a source it reads spider over gRPC
 * (`SPIDER_GRPC_ADDRESS` in env), as in production; without a transport it gets a stream of its own.
 */
export async function startMcMeta(options: {
  source?: MetadataSource;
  env?: Record<string, string>;
  transport?: JetStreamTransport;
}): Promise<Harness> {
  const db = await createTestDatabase('mcmeta');
  const transport = options.transport ?? (await suiteTransport());
  const ownTransport = options.transport === undefined;
  const config = testConfig(db.url, options.env);
  const service = await createMcMeta(
    config,
    { events: transport, logger: quiet },
    options.source ? { source: options.source } : {},
  );
  await service.start();
  const rest = service.endpoints().rest!;
  const authorization = `Basic ${Buffer.from(`${AUTH.username}:${AUTH.password}`).toString('base64')}`;
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${rest}${path}`, {
      method,
      headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  return {
    db,
    transport,
    service,
    rest,
    grpc: service.endpoints().grpc!,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    async close() {
      await service.stop();
      if (ownTransport) await transport.close();
      await db.drop();
    },
  };
}

/** Starts a sync over REST and waits (by polling its status, not by time) until it is no longer running. */
export async function syncAndWait(harness: Harness, body: unknown = {}): Promise<any> {
  const started = await harness.post('/sync', body);
  if (started.status !== 202) throw new Error(`POST /sync answered ${started.status}: ${JSON.stringify(started.body)}`);
  await harness.service.sync.idle();
  const { body: run } = await harness.get(`/sync/${started.body.id}`);
  return run;
}

/** mc-meta over the given mock connections, synced once (the sync must complete), and a client on its database. */
export async function startSyncedHarness(
  connections: DriverConnection[],
  env: Record<string, string> = {},
): Promise<{ harness: Harness; sql: Client }> {
  const harness = await startHarness(connections, env);
  const run = await syncAndWait(harness);
  if (run.status !== 'completed') throw new Error(`the first sync ended ${run.status}: ${run.error}`);
  const sql = new Client(harness.db.url);
  await sql.connect();
  return { harness, sql };
}

/**
 * A stored word a keyword stands for alone (it has a digit, so it is never fuzzed, and no other word contains it),
 * in a number of live images that `count` (an SQL condition on `count(*)`) accepts; the most frequent such word.
 */
export async function wordOnlyItself(sql: Client, count: string): Promise<string> {
  const { rows } = await sql.query(
    `SELECT w.word FROM search_word w JOIN image i ON i.words && ARRAY[w.word]
     WHERE w.word ~ '[0-9]' AND NOT EXISTS (SELECT 1 FROM search_word o WHERE o.word <> w.word AND o.word LIKE '%' || w.word || '%')
     GROUP BY w.word HAVING ${count} ORDER BY count(*) DESC, w.word LIMIT 1`,
  );
  if (rows.length !== 1) throw new Error(`no word only itself stands for, in a count where ${count}`);
  return rows[0].word;
}

/** Waits for the first event the predicate accepts; the suite's own stream keeps other suites' events out. */
export function nextEvent<T>(events: T[], accept: (event: T) => boolean): Promise<T> {
  return new Promise((resolve) => {
    const poll = () => {
      const found = events.find(accept);
      if (found) resolve(found);
      else setTimeout(poll, 20);
    };
    poll();
  });
}

/** Every page of a search, following nextCursor (97 items a page): the items' keys in order, and the first page's total. */
export async function everyPage(harness: Harness, path: string, key: (item: any) => string) {
  const keys: string[] = [];
  let cursor: string | undefined;
  let first: any;
  for (let page = 0; page < 100; page++) {
    const separator = path.includes('?') ? '&' : '?';
    const { status, body } = await harness.get(`${path}${separator}limit=97${cursor ? `&cursor=${cursor}` : ''}`);
    expect({ status, message: body.message }).toEqual({ status: 200, message: undefined });
    first ??= body;
    keys.push(...body.items.map(key));
    cursor = body.nextCursor;
    if (!cursor) break;
  }
  return { keys, total: first.total as number, totalExact: first.totalExact as boolean };
}

export const imageKey = (item: any) => `${item.connectionName}/${item.IId.SystemId}`;

/** The oracle: the keys of the live images `where` selects, in list order, straight from SQL. */
export async function liveImageKeys(sql: Client, where: string, params: unknown[] = []): Promise<string[]> {
  const { rows } = await sql.query(
    `SELECT connection_name || '/' || record_key AS key FROM image WHERE removed_at IS NULL AND ${where} ORDER BY list_order, id`,
    params,
  );
  return rows.map((row) => row.key);
}
