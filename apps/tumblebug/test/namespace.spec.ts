import { createTestDatabase, type TestDatabase } from '@cb/testing';
import { randomBytes } from 'node:crypto';
import { loadTumblebugConfig } from '../src/config';
import { createTumblebug } from '../src/tumblebug';
import { call, ok, quietLogger, startSpider, type SpiderUnderTest } from './mcis-harness';

describe('namespaces (/tumblebug/ns)', () => {
  let spider: SpiderUnderTest;
  let db: TestDatabase;
  let tumblebug: Awaited<ReturnType<typeof createTumblebug>>;
  let tb: string;

  beforeAll(async () => {
    spider = await startSpider();
    await spider.connect('ns-conn', 'default');
    db = await createTestDatabase('tb_ns');
    const config = loadTumblebugConfig({
      TB_PORT: '0',
      TB_GRPC_PORT: '0',
      DATABASE_URL: db.url,
      SPIDER_GRPC_ADDRESS: spider.grpc,
      CB_SECRET_KEY: randomBytes(32).toString('base64'),
    });
    tumblebug = await createTumblebug(config, { events: spider.transport, logger: quietLogger() });
    await tumblebug.start();
    tb = tumblebug.endpoints().rest!;
  });

  afterAll(async () => {
    await tumblebug?.stop();
    await db?.drop();
    await spider?.stop();
  });

  it('creates, lists, reads, updates and deletes a namespace with upstream shapes', async () => {
    const created = await ok(call(tb, 'POST', '/ns', { name: 'ns01', description: 'first' }));
    expect(created).toEqual({
      resourceType: 'ns',
      id: 'ns01',
      uid: expect.any(String),
      name: 'ns01',
      description: 'first',
    });

    expect((await ok(call(tb, 'GET', '/ns?option=id'))).output).toEqual(expect.arrayContaining(['ns01', 'system']));
    const listed = await ok(call(tb, 'GET', '/ns'));
    expect(listed.ns.find((ns: { id: string }) => ns.id === 'ns01')).toEqual(created);

    const updated = await ok(call(tb, 'PUT', '/ns/ns01', { name: 'ns01', description: 'changed' }));
    expect(updated).toMatchObject({ id: 'ns01', uid: created.uid, description: 'changed' });
    expect(await ok(call(tb, 'GET', '/ns/ns01'))).toEqual(updated);

    expect(await ok(call(tb, 'DELETE', '/ns/ns01'))).toEqual({ message: 'The ns ns01 has been deleted' });
    const gone = await call(tb, 'GET', '/ns/ns01');
    expect(gone.status).toBe(404);
    expect(gone.body.message).toBe('Not valid namespace');
  });

  it('refuses names against upstream rules with a 400 naming the field, and duplicates with 409', async () => {
    for (const name of ['1abc', 'ab_c', 'abc-', '']) {
      const reply = await call(tb, 'POST', '/ns', { name });
      expect(reply.status).toBe(400);
      expect(reply.body.message).toMatch(/^name: /);
    }
    await ok(call(tb, 'POST', '/ns', { name: 'dup-ns' }));
    const duplicate = await call(tb, 'POST', '/ns', { name: 'dup-ns' });
    expect(duplicate.status).toBe(409);
    expect((await ok(call(tb, 'GET', '/ns?option=id'))).output.filter((id: string) => id === 'dup-ns')).toHaveLength(1);
  });

  it('answers 404 "Not valid namespace" for any path under an unknown namespace', async () => {
    for (const path of ['/ns/nope', '/ns/nope/resources/vNet', '/ns/nope/resources/sshKey/k1']) {
      const reply = await call(tb, 'GET', path);
      expect(reply.status).toBe(404);
      expect(reply.body.message).toBe('Not valid namespace');
    }
  });

  it('refuses to delete a namespace while it holds a resource, and deletes it once empty', async () => {
    await ok(call(tb, 'POST', '/ns', { name: 'busy' }));
    await ok(call(tb, 'POST', '/ns/busy/resources/sshKey', { name: 'key01', connectionName: 'ns-conn' }));
    const refused = await call(tb, 'DELETE', '/ns/busy');
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('sshKey: 1');
    expect((await ok(call(tb, 'GET', '/ns/busy'))).id).toBe('busy');

    await ok(call(tb, 'DELETE', '/ns/busy/resources/sshKey/key01'));
    await ok(call(tb, 'DELETE', '/ns/busy'));
    expect((await call(tb, 'GET', '/ns/busy')).status).toBe(404);
  });

  it('answers checkNs, keeps the reserved system namespace, and DELETE /ns removes only the empty ones', async () => {
    expect(await ok(call(tb, 'GET', '/checkNs/system'))).toEqual({ exists: true });
    expect(await ok(call(tb, 'GET', '/checkNs/nope'))).toEqual({ exists: false });
    const reserved = await call(tb, 'DELETE', '/ns/system');
    expect(reserved.status).toBe(409);
    expect(reserved.body.message).toMatch(/reserved/);
    expect((await call(tb, 'POST', '/ns', { name: 'system' })).status).toBe(409);

    await ok(call(tb, 'POST', '/ns', { name: 'empty-a' }));
    await ok(call(tb, 'POST', '/ns', { name: 'full-b' }));
    await ok(call(tb, 'POST', '/ns/full-b/resources/sshKey', { name: 'key01', connectionName: 'ns-conn' }));
    const all = await ok(call(tb, 'DELETE', '/ns'));
    expect(all.message).toMatch(/kept full-b \(not empty\)/);
    expect((await ok(call(tb, 'GET', '/ns?option=id'))).output.sort()).toEqual(['full-b', 'system']);
    await ok(call(tb, 'DELETE', '/ns/full-b/resources/sshKey/key01'));
    await ok(call(tb, 'DELETE', '/ns/full-b'));
  });

  it('keeps health and version open and everything else behind Basic auth', async () => {
    for (const path of ['/readyz', '/health', '/httpVersion']) {
      expect((await fetch(`${tb}${path}`)).status).toBe(200);
    }
    const denied = await fetch(`${tb}/ns`);
    expect(denied.status).toBe(401);
    expect((await fetch(`${tb}/openapi.json`)).status).toBe(200);
  });
});
