import { connect } from '@nats-io/transport-node';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findOrStartNats, natsServerOnPath, startNatsServer } from '../src';

describe('local NATS server', () => {
  it('uses NATS_URL when it is set, without starting anything', async () => {
    const nats = await findOrStartNats({ env: { NATS_URL: 'nats://example.invalid:4222' } });
    expect(nats).toMatchObject({ url: 'nats://example.invalid:4222', origin: 'NATS_URL' });
  });

  it('starts nats-server from PATH with JetStream, keeping its store where asked', async () => {
    expect(natsServerOnPath()).toBe(true);
    const storeDir = mkdtempSync(join(tmpdir(), 'cb-nats-store-'));
    const server = await startNatsServer({ storeDir });
    try {
      const nc = await connect({ servers: server.url });
      expect(nc.info?.jetstream).toBe(true);
      await nc.close();
    } finally {
      await server.stop();
    }
    expect(readdirSync(storeDir).length).toBeGreaterThan(0);
    rmSync(storeDir, { recursive: true, force: true });
  });

  it('explains how to install nats-server when there is none', async () => {
    await expect(startNatsServer({ env: { ...process.env, PATH: '/nonexistent' } })).rejects.toThrow(
      /apt-get install nats-server/,
    );
  });
});
