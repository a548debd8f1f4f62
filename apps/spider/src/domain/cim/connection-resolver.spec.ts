import { DriverRegistry } from '@cb/driver-sdk';
import mockDriver, { MOCK_DRIVER_LIB_FILE_NAME } from '@cb/driver-mock';
import { ConnectionResolver, type ConnectionInfoSource } from './connection-resolver';
import type { CloudDriverInfo, ConnectionConfigInfo, CredentialInfo, RegionInfoRecord } from './model';

const config: ConnectionConfigInfo = {
  ConfigName: 'mock.mercury.z1',
  ProviderName: 'MOCK',
  DriverName: 'mock-driver',
  CredentialName: 'mock-credential',
  RegionName: 'mock-mercury-z1',
};

function sourceWith(parts: {
  driver?: CloudDriverInfo;
  credential?: CredentialInfo;
  region?: RegionInfoRecord;
}): ConnectionInfoSource {
  return {
    findConnectionConfig: async (name) => (name === config.ConfigName ? config : null),
    findDriver: async () => parts.driver ?? null,
    findCredential: async () => parts.credential ?? null,
    findRegion: async () => parts.region ?? null,
  };
}

const driver = { DriverName: 'mock-driver', ProviderName: 'MOCK', DriverLibFileName: MOCK_DRIVER_LIB_FILE_NAME };
const credential = {
  CredentialName: 'mock-credential',
  ProviderName: 'MOCK',
  KeyValueInfoList: [{ Key: 'MockName', Value: 'resolver' }],
};
const region = {
  RegionName: 'mock-mercury-z1',
  ProviderName: 'MOCK',
  KeyValueInfoList: [
    { Key: 'Region', Value: 'mercury' },
    { Key: 'Zone', Value: 'mercury-z1' },
  ],
  AvailableZoneList: [],
};

describe('ConnectionResolver', () => {
  const drivers = new DriverRegistry();
  drivers.register(MOCK_DRIVER_LIB_FILE_NAME, mockDriver);

  it('answers the driver by lib file name, the credential and the region with its zone', async () => {
    const resolved = await new ConnectionResolver(sourceWith({ driver, credential, region }), drivers).resolve(
      ' mock.mercury.z1 ',
    );
    expect(resolved.driver).toBe(mockDriver);
    expect(resolved.connectionInfo).toEqual({
      credential: [{ Key: 'MockName', Value: 'resolver' }],
      region: { Region: 'mercury', Zone: 'mercury-z1' },
      connectionName: 'mock.mercury.z1',
    });
  });

  it("uses upstream's texts for an empty or unknown connection and for a missing part", async () => {
    const resolver = new ConnectionResolver(sourceWith({ driver, credential }), drivers);
    await expect(resolver.resolve(undefined)).rejects.toThrow('ConnectionName is empty!');
    await expect(resolver.resolve('nope')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'nope: does not exist!',
    });
    await expect(resolver.resolve(config.ConfigName)).rejects.toThrow('mock-mercury-z1: does not exist!');
  });

  it('says which driver library is not loaded', async () => {
    const other = { ...driver, DriverLibFileName: 'aws-driver-v1.0.so' };
    const resolver = new ConnectionResolver(sourceWith({ driver: other, credential, region }), drivers);
    await expect(resolver.resolve(config.ConfigName)).rejects.toThrow(/aws-driver-v1.0.so' is not registered/);
  });
});
