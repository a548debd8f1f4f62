import { DriverRegistry } from '@cb/driver-sdk';
import { createDataSource } from '@cb/db';
import mockDriver, { MOCK_DRIVER_LIB_FILE_NAME } from '@cb/driver-mock';
import { SecretBox, parseSecretKey } from '@cb/secrets';
import { Client } from 'pg';
import { ConnectionResolver } from '../src/domain/cim/connection-resolver';
import { connectionEventsOutbox } from '../src/events';
import { cimEntities, TypeOrmConnectionInfoStore } from '../src/store/cim';
import { registerMock, startSpider, type SpiderUnderTest } from './cim-helpers';
import { connectTestEvents, type TestEvents } from './cim-events-helper';

const SECRET = 'Sup3r-s3cret-AKIA-value-0001';
const OTHER_SECRET = 'second-secret-value-0002';

describe('credential values are secret', () => {
  let events: TestEvents;
  let spider: SpiderUnderTest;
  const credential = {
    CredentialName: 'aws-cred',
    ProviderName: 'aws',
    KeyValueInfoList: [
      { Key: 'ClientId', Value: SECRET },
      { Key: 'aws_secret_access_key', Value: OTHER_SECRET },
    ],
  };
  const masked = {
    CredentialName: 'aws-cred',
    ProviderName: 'AWS',
    KeyValueInfoList: [
      { Key: 'ClientId', Value: 'Hidden for security.' },
      { Key: 'ClientSecret', Value: 'Hidden for security.' },
    ],
  };

  beforeAll(async () => {
    events = await connectTestEvents('cim_secrets');
    spider = await startSpider(events.transport);
  });
  afterAll(async () => {
    await spider?.stop();
    await events?.close();
  });

  it('masks every value in the create, get and list responses', async () => {
    const created = await spider.call('POST', '/credential', credential);
    expect(created.status).toBe(200);
    expect(created.body).toEqual(masked);
    const got = await spider.call('GET', '/credential/aws-cred');
    expect(got.body).toEqual(masked);
    const listed = await spider.call('GET', '/credential?provider=AWS');
    expect(listed.body).toEqual({ credential: [masked] });
    for (const reply of [created, got, listed]) {
      expect(reply.text).not.toContain(SECRET);
      expect(reply.text).not.toContain(OTHER_SECRET);
    }
  });

  it('stores the values sealed (v1 AES-GCM), never in plain text', async () => {
    const client = new Client({ connectionString: spider.db.url });
    await client.connect();
    try {
      const { rows } = await client.query('SELECT key_value_info_list::text AS kv FROM credential_infos');
      expect(rows).toHaveLength(1);
      expect(rows[0].kv).not.toContain(SECRET);
      expect(rows[0].kv).not.toContain(OTHER_SECRET);
      expect(rows[0].kv).toMatch(/"Value": "v1:[^"]+"/);
      const dump = await client.query("SELECT string_agg(t::text, '') AS all FROM credential_infos t");
      expect(dump.rows[0].all).not.toContain(SECRET);
    } finally {
      await client.end();
    }
  });

  it('hands the decrypted values to a driver through ConnectionResolver', async () => {
    await registerMock(spider);
    const dataSource = createDataSource({ url: spider.db.url, entities: cimEntities });
    await dataSource.initialize();
    try {
      const box = new SecretBox(parseSecretKey(spider.env.CB_SECRET_KEY));
      const store = new TypeOrmConnectionInfoStore(dataSource, box, connectionEventsOutbox);
      const drivers = new DriverRegistry();
      drivers.register(MOCK_DRIVER_LIB_FILE_NAME, mockDriver);
      const resolver = new ConnectionResolver(store, drivers);
      const resolved = await resolver.resolve('mock-config01');
      expect(resolved.credential).toEqual([{ Key: 'MockName', Value: 'mock_name00' }]);
      expect(resolved.connectionInfo.region).toEqual({ Region: 'default' });
      expect(resolved.driver).toBe(mockDriver);
      const connection = await resolved.driver.connect(resolved.connectionInfo);
      expect(await connection.isConnected()).toBe(true);
      await expect(resolver.resolve('no-such-conn')).rejects.toThrow('no-such-conn: does not exist!');
      await expect(resolver.resolve('')).rejects.toThrow('ConnectionName is empty!');
    } finally {
      await dataSource.destroy();
    }
  });

  it('never writes a value to the log, even when a request fails', async () => {
    await spider.call('POST', '/credential', { ...credential, KeyValueInfoList: [{ Key: 'Bogus', Value: SECRET }] });
    await spider.call('POST', '/credential', { ...credential, ProviderName: 'NOCLOUD' });
    expect(spider.logLines.length).toBeGreaterThan(0);
    for (const line of spider.logLines) {
      expect(line).not.toContain(SECRET);
      expect(line).not.toContain(OTHER_SECRET);
      expect(line).not.toContain('mock_name00');
    }
  });
});
