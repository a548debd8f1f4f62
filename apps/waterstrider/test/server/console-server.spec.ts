/**
 * @jest-environment node
 */
// The console's server: its event stream over real NATS JetStream, and the SPA it serves.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { encodeEvent, JetStreamTransport } from '@cb/events';
import { testNatsUrl, uniqueName } from '@cb/testing';
import { createConsoleApp } from '../../src/server/console-app';
import { PlatformEventStream } from '../../src/server/event-stream';

const AUTH = `Basic ${Buffer.from('console:secret').toString('base64')}`;

describe('the console server', () => {
  const distDir = mkdtempSync(join(tmpdir(), 'waterstrider-dist-'));
  let transport: JetStreamTransport;
  let events: PlatformEventStream;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><div id="root"></div>');
    const name = uniqueName('console');
    transport = await JetStreamTransport.connect(testNatsUrl(), {
      stream: name.toUpperCase(),
      subjectPrefix: `${name}.`,
      logger: { warn: () => undefined, error: () => undefined },
    });
    events = new PlatformEventStream(transport);
    await events.start();
    const app = createConsoleApp({ distDir, username: 'console', password: 'secret', events });
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });

  afterAll(async () => {
    await events?.stop();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await transport?.close();
    rmSync(distDir, { recursive: true, force: true });
  });

  it('refuses the event stream without the credentials, and never asks the browser for them', async () => {
    const wrong = `Basic ${Buffer.from('console:guess').toString('base64')}`;
    for (const headers of [{}, { authorization: wrong }] as Record<string, string>[]) {
      const response = await fetch(`${base}/api/events`, { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBeNull();
      expect(await response.json()).toEqual({ message: 'Unauthorized', code: 'UNAUTHENTICATED' });
    }
  });

  it("streams the platform's events to every open console as server-sent events", async () => {
    const open = () => fetch(`${base}/api/events`, { headers: { authorization: AUTH, accept: 'text/event-stream' } });
    const tabs = await Promise.all([open(), open()]);
    const readers = tabs.map((tab) => {
      expect(tab.status).toBe(200);
      expect(tab.headers.get('content-type')).toBe('text/event-stream');
      return tab.body!.pipeThrough(new TextDecoderStream()).getReader();
    });
    /** Reads the stream until `pattern` matches what arrived so far. */
    const readUntil = async (reader: (typeof readers)[number], pattern: RegExp) => {
      let seen = '';
      for (;;) {
        const match = pattern.exec(seen);
        if (match) return match;
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended before ${pattern}: ${seen}`);
        seen += value;
      }
    };
    for (const reader of readers) await readUntil(reader, /^: connected\n\n/);

    const id = randomUUID();
    await transport.publish({
      id,
      subject: 'cb.tumblebug.mcis.created',
      data: encodeEvent('cb.tumblebug.mcis.created', { nsId: 'e2e', mcisId: 'web', vmCount: 2 }),
      headers: {},
    });
    for (const reader of readers) {
      const [, data] = await readUntil(reader, new RegExp(`id: ${id}\nevent: platform\ndata: (.*)\n\n`));
      expect(JSON.parse(data!)).toEqual({
        subject: 'cb.tumblebug.mcis.created',
        payload: { nsId: 'e2e', mcisId: 'web', vmCount: 2 },
      });
      await reader.cancel();
    }
  });

  it('answers every page path with the app, uncached, and unknown API paths with a 404', async () => {
    const page = await fetch(`${base}/mcis/web`);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<div id="root">');
    const api = await fetch(`${base}/api/nope`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});
