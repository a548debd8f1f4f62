import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import type { Price, VMInfo } from '@cb/driver-sdk';
import { spider } from '@cb/proto';
import { fromPriceMessage, fromStartVmMessage, fromVmMessage, toPriceMessage, toStartVmMessage, toVmMessage } from '.';

/** Through the real encoding, as on the wire. */
function overTheWire<S extends Parameters<typeof create>[0]>(schema: S, init: Parameters<typeof create<S>>[1]) {
  return fromBinary(schema, toBinary(schema, create(schema, init)));
}

const vm: VMInfo = {
  IId: { NameId: 'vm-01', SystemId: 'vm-01-abc' },
  StartTime: '2026-01-02T03:04:05Z',
  Region: { Region: 'default' },
  ImageType: 'PublicImage',
  ImageIId: { NameId: 'mock-vmimage-01', SystemId: 'mock-vmimage-01' },
  VMSpecName: 'mock-vmspec-01',
  VpcIID: { NameId: 'vpc-01', SystemId: 'v' },
  SubnetIID: { NameId: 'subnet-01', SystemId: 's' },
  SecurityGroupIIds: [{ NameId: 'sg-01', SystemId: 'g' }],
  KeyPairIId: { NameId: 'keypair-01', SystemId: 'k' },
  RootDiskType: 'SSD',
  RootDiskSize: '32',
  RootDeviceName: '/dev/sda1',
  VMBootDisk: '/dev/sda1',
  VMUserId: 'cb-user',
  NICs: [{ IId: { NameId: 'default', SystemId: 'mockni0' }, DeviceIndex: 0 }],
  NetworkInterface: 'mockni0',
  PublicIP: '4.3.2.1',
  PublicDNS: 'vm.spider.barista.com',
  PrivateIP: '1.2.3.4',
  Platform: 'LINUX/UNIX',
  SSHAccessPoint: '4.3.2.1:22',
  AccessPoint: '',
  KeyValueList: [{ Key: 'a', Value: 'b' }],
};

describe('cb.spider.v1 wire mappers', () => {
  it('round-trips a VMInfo, leaving out what upstream omits when empty', () => {
    const back = fromVmMessage(overTheWire(spider.VmInfoSchema, toVmMessage(vm)));
    expect(back).toEqual(vm);
    expect(Object.keys(back)).not.toContain('DataDiskIIDs');
    expect(Object.keys(back)).not.toContain('TagList');
    expect(Object.keys(back.Region)).toEqual(['Region']);
    expect(Object.keys(back)).toEqual(Object.keys(vm)); // upstream's field order
  });

  it('round-trips a price with the raw cloud JSON', () => {
    const price: Price = {
      ZoneName: 'NA',
      ProductInfo: {
        ProductId: 'p1',
        VMSpecName: 'mock.standard1',
        Description: '',
        CSPProductInfo: { sku: 'x', vcpu: 2, tags: ['a', null], nested: { on: true } },
      },
      PriceInfo: { OnDemand: { PricingId: 'id', Unit: 'Hour', Currency: 'USD', Price: '0.2', Description: '' } },
    };
    expect(fromPriceMessage(overTheWire(spider.PriceSchema, toPriceMessage(price)))).toEqual(price);
  });

  it('turns empty proto strings of a start request back into absent fields', () => {
    const req = {
      Name: 'vm-01',
      ImageName: 'img',
      VMSpecName: 'spec',
      VPCName: 'vpc',
      SubnetName: 'subnet',
      SecurityGroupNames: ['sg'],
      KeyPairName: 'key',
    };
    const message = overTheWire(spider.StartVmRequestSchema, toStartVmMessage('c', req));
    expect(message.connectionName).toBe('c');
    expect(fromStartVmMessage(message)).toEqual(req);
  });
});
