import { createDataSource, runMigrations } from '@cb/db';
import mockDriver, { MOCK_DRIVER_LIB_FILE_NAME } from '@cb/driver-mock';
import { DriverRegistry } from '@cb/driver-sdk';
import type { ServiceLogger } from '@cb/runtime';
import { SecretBox } from '@cb/secrets';
import { SpiderClient } from '@cb/spider-client';
import { createTestDatabase, type TestDatabase, uniqueName } from '@cb/testing';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { startSpiderGrpc, type RunningSpiderGrpc } from '../../src/api/grpc';
import type { SpiderConfig } from '../../src/config';
import { ConnectionInfoService } from '../../src/domain/cim/connection-info-service';
import { ConnectionResolver } from '../../src/domain/cim/connection-resolver';
import { connectionEventsOutbox, eventEntities, eventMigrations } from '../../src/events';
import { cimEntities, TypeOrmConnectionInfoStore } from '../../src/store/cim';
import { cimMigrations } from '../../src/store/migrations';
import { resourceEntities, resourceMigrations } from '../../src/store/resources';

const silent: ServiceLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  debug: () => undefined,
  child: () => silent,
};

export interface GrpcSpiderUnderTest {
  address: string;
  token: string;
  client: SpiderClient;
  /** Registers a mock connection (driver, credential with `MockName` + extra keys, region, config). */
  registerMock(configName: string, credentialKeys?: Record<string, string>): Promise<void>;
  grpc: RunningSpiderGrpc;
  stop(): Promise<void>;
}

/** spider's gRPC API over its real domain: a fresh PostgreSQL database, the mock driver, loopback gRPC. */
export async function startGrpcSpider(): Promise<GrpcSpiderUnderTest> {
  const db: TestDatabase = await createTestDatabase('spider_grpc');
  const config: SpiderConfig = {
    port: 0,
    grpcPort: 0,
    host: '127.0.0.1',
    databaseUrl: db.url,
    username: 'default',
    password: 'default',
    secretKey: randomBytes(32),
    driverCallTimeoutMs: 60_000,
    maxConcurrentCallsPerConnection: 16,
    bodyLimit: '1mb',
  };
  const dataSource: DataSource = createDataSource({
    url: db.url,
    entities: [...cimEntities, ...eventEntities, ...resourceEntities],
    migrations: [...cimMigrations, ...eventMigrations, ...resourceMigrations],
  });
  await dataSource.initialize();
  await runMigrations(dataSource);
  const drivers = new DriverRegistry();
  drivers.register(MOCK_DRIVER_LIB_FILE_NAME, mockDriver);
  const store = new TypeOrmConnectionInfoStore(dataSource, new SecretBox(config.secretKey), connectionEventsOutbox);
  const cim = new ConnectionInfoService(store);
  const resolver = new ConnectionResolver(store, drivers);
  const token = randomBytes(24).toString('hex');
  const grpc = await startSpiderGrpc(
    { config, dataSource, resolver, drivers, logger: silent },
    { address: '127.0.0.1:0', token },
  );
  const address = `127.0.0.1:${grpc.port}`;
  const client = new SpiderClient(address, { token, deadlineMs: 30_000 });

  return {
    address,
    token,
    client,
    grpc,
    async registerMock(configName, credentialKeys = {}) {
      // Each suite gets its own mock cloud: the mock keeps its state per MockName for the whole process.
      const mockName = uniqueName('grpc');
      const parts = `${configName}-${mockName}`;
      await cim.registerDriver({
        DriverName: parts,
        ProviderName: 'MOCK',
        DriverLibFileName: MOCK_DRIVER_LIB_FILE_NAME,
      });
      await cim.registerCredential({
        CredentialName: parts,
        ProviderName: 'MOCK',
        KeyValueInfoList: [
          { Key: 'MockName', Value: mockName },
          ...Object.entries(credentialKeys).map(([Key, Value]) => ({ Key, Value })),
        ],
      });
      await cim.registerRegion({
        RegionName: parts,
        ProviderName: 'MOCK',
        KeyValueInfoList: [{ Key: 'Region', Value: 'default' }],
        AvailableZoneList: [],
      });
      await cim.registerConnectionConfig({
        ConfigName: configName,
        ProviderName: 'MOCK',
        DriverName: parts,
        CredentialName: parts,
        RegionName: parts,
      });
    },
    async stop() {
      client.close();
      await grpc.stop(1_000);
      await dataSource.destroy();
      await db.drop();
    },
  };
}
