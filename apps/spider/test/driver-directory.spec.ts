import { noCapabilities } from '@cb/driver-sdk';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spiderService } from '../src';
import { capturingLogger } from './cim-helpers';
import { startResourceSpider, type ResourceSpider } from './resources-helpers';

// A driver module as a third party ships it: plain CommonJS, importing nothing of ours.
const TINY_DRIVER = `
const manifest = ${JSON.stringify({
  DriverName: 'tiny-driver',
  ProviderName: 'MOCK',
  Version: '1.0.0',
  ContractVersion: '1.0.0',
  Capabilities: { ...noCapabilities(), RegionZoneHandler: true },
})};
const none = () => undefined;
const regions = [{ Name: 'tiny-region', DisplayName: 'Tiny', CSPDisplayName: 'Tiny', ZoneList: [] }];
exports.driver = {
  manifest,
  async connect() {
    return {
      regionZone: () => ({ listRegionZone: async () => regions, getRegionZone: async () => regions[0] }),
      image: none, vmSpec: none, price: none, vpc: none, security: none, keyPair: none, vm: none,
      disk: none, myImage: none, nlb: none, cluster: none, tag: none,
      isConnected: async () => true,
      close: async () => undefined,
    };
  },
};
`;

/** Drivers as plugins: SPIDER_DRIVER_DIR's modules are loaded at start and found by DriverLibFileName. */
describe('spider drivers from a directory', () => {
  let dir: string;
  let rs: ResourceSpider;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'spider-drivers-'));
    await writeFile(join(dir, 'tiny-driver-v1.0.cjs'), TINY_DRIVER);
    await writeFile(join(dir, 'broken-driver-v1.0.cjs'), 'throw new Error("boom at load");');
    rs = await startResourceSpider({ SPIDER_DRIVER_DIR: dir });
  });
  afterAll(async () => {
    await rs?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a connection through the directory driver named by its file name', async () => {
    const register = [
      ['/driver', { DriverName: 'tiny', ProviderName: 'MOCK', DriverLibFileName: 'tiny-driver-v1.0.cjs' }],
      [
        '/credential',
        { CredentialName: 'tiny-cred', ProviderName: 'MOCK', KeyValueInfoList: [{ Key: 'MockName', Value: 't' }] },
      ],
      [
        '/region',
        { RegionName: 'tiny-region', ProviderName: 'MOCK', KeyValueInfoList: [{ Key: 'Region', Value: 'r' }] },
      ],
      [
        '/connectionconfig',
        {
          ConfigName: 'tiny',
          ProviderName: 'MOCK',
          DriverName: 'tiny',
          CredentialName: 'tiny-cred',
          RegionName: 'tiny-region',
        },
      ],
    ] as const;
    for (const [path, body] of register) expect((await rs.call('POST', path, body)).status).toBe(200);

    const regions = await rs.call('GET', '/regionzone?ConnectionName=tiny');
    expect(regions).toEqual({
      status: 200,
      body: { regionzone: [{ Name: 'tiny-region', DisplayName: 'Tiny', CSPDisplayName: 'Tiny', ZoneList: [] }] },
    });
    const capability = await rs.call('GET', '/driver/capability?ConnectionName=tiny');
    expect(capability.body).toMatchObject({ RegionZoneHandler: true, VPCHandler: false });
    const vpc = await rs.call('POST', '/vpc', {
      ConnectionName: 'tiny',
      ReqInfo: { Name: 'v', IPv4_CIDR: '10.0.0.0/16', SubnetInfoList: [] },
    });
    expect(vpc.status).toBe(400);
    expect(vpc.body.message).toBe('MOCK driver does not support VPC');
  });

  it('logs what it loaded and which module it refused, with the reason', () => {
    const lines = rs.spider.logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'drivers loaded from directory',
        loaded: [{ fileName: 'tiny-driver-v1.0.cjs', DriverName: 'tiny-driver', Version: '1.0.0' }],
      }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: 'driver module refused',
        fileName: 'broken-driver-v1.0.cjs',
        reason: expect.stringMatching(/boom at load/),
      }),
    );
  });

  it('refuses to start on a driver directory it cannot read, naming it', async () => {
    const missing = join(dir, 'absent');
    const env = {
      SPIDER_PORT: '0',
      SPIDER_GRPC_PORT: '0',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/never_opened',
      SPIDER_USERNAME: 'u',
      SPIDER_PASSWORD: 'p',
      CB_SECRET_KEY: Buffer.alloc(32, 1).toString('base64'),
      HUB_GRPC_ADDRESS: 'off',
      SPIDER_DRIVER_DIR: missing,
    };
    const { logger } = capturingLogger();
    await expect(spiderService.create(env, { events: rs.transport, logger })).rejects.toThrow(
      `driver directory ${missing} cannot be read`,
    );
  });
});
