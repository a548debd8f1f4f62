import { randomBytes } from 'node:crypto';
import { TEST_NATS_URL, TEST_POSTGRES_URL, TEST_RUN_TAG } from './env-keys';
import { findOrStartNats } from '@cb/runtime';
import { findOrStartPostgres } from './postgres-server';
import { deleteStreamsOfRun } from './stream-cleanup';

interface HarnessState {
  stops: Array<() => Promise<void>>;
}

/** A server this run did not start outlives it: the streams the run made there are removed at teardown. */
const SHARED_NATS_ORIGINS = new Set(['NATS_URL', 'localhost:4222']);

const STATE_KEY = Symbol.for('cb.testing.harness');

/**
 * Jest global setup: finds or starts PostgreSQL and NATS once per jest run. Every project's config
 * points here, so it must be idempotent: the first call does the work, later calls see the env set.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env[TEST_POSTGRES_URL] && process.env[TEST_NATS_URL]) return;
  const state: HarnessState = { stops: [] };
  (globalThis as Record<symbol, unknown>)[STATE_KEY] = state;

  const runTag = `run${randomBytes(4).toString('hex')}`;
  const [postgres, nats] = await Promise.all([findOrStartPostgres(), findOrStartNats()]);
  if (SHARED_NATS_ORIGINS.has(nats.origin)) {
    state.stops.push(() => deleteStreamsOfRun(nats.url, runTag).then(() => undefined));
  }
  state.stops.push(postgres.stop, nats.stop);
  process.env[TEST_POSTGRES_URL] = postgres.url;
  process.env[TEST_NATS_URL] = nats.url;
  process.env[TEST_RUN_TAG] = runTag;
}

export async function stopHarness(): Promise<void> {
  const state = (globalThis as Record<symbol, unknown>)[STATE_KEY] as HarnessState | undefined;
  if (!state) return;
  delete (globalThis as Record<symbol, unknown>)[STATE_KEY];
  for (const stop of state.stops) await stop();
  delete process.env[TEST_POSTGRES_URL];
  delete process.env[TEST_NATS_URL];
  delete process.env[TEST_RUN_TAG];
}
