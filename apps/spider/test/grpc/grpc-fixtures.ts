import type { IID } from '@cb/driver-sdk';
import type { SpiderClient } from '@cb/spider-client';

export interface BaseNetwork {
  vpc: IID;
  subnets: IID[];
  sg: IID;
  key: IID;
  vms: Record<string, IID>;
}

/** Upstream's mock-full_test resources in one connection: vpc-01 (subnet-01..), sg-01, keypair-01 and VMs. */
export async function createBaseNetwork(
  client: SpiderClient,
  connectionName: string,
  vmNames: string[],
  subnetCount = 1,
): Promise<BaseNetwork> {
  const subnetNames = Array.from({ length: subnetCount }, (_, i) => `subnet-0${i + 1}`);
  const vpc = await client.createVpc(connectionName, {
    Name: 'vpc-01',
    IPv4_CIDR: '192.168.0.0/16',
    SubnetInfoList: subnetNames.map((Name, i) => ({ Name, IPv4_CIDR: `192.168.${i + 1}.0/24` })),
  });
  const sg = await client.createSecurityGroup(connectionName, {
    Name: 'sg-01',
    VPCName: 'vpc-01',
    SecurityRules: [{ FromPort: '22', ToPort: '22', IPProtocol: 'tcp', Direction: 'inbound', CIDR: '0.0.0.0/0' }],
  });
  const key = await client.createKeyPair(connectionName, { Name: 'keypair-01' });
  const vms: Record<string, IID> = {};
  for (const name of vmNames) vms[name] = (await client.startVm(connectionName, vmRequest(name))).IId;
  return { vpc: vpc.IId, subnets: vpc.SubnetInfoList.map((s) => s.IId), sg: sg.IId, key: key.IId, vms };
}

export const vmRequest = (name: string, overrides: Partial<Parameters<SpiderClient['startVm']>[1]> = {}) => ({
  Name: name,
  ImageName: 'mock-vmimage-01',
  VMSpecName: 'mock-vmspec-01',
  VPCName: 'vpc-01',
  SubnetName: 'subnet-01',
  SecurityGroupNames: ['sg-01'],
  KeyPairName: 'keypair-01',
  ...overrides,
});

/** The user's names of a list of IIDs. */
export const names = (iids: { NameId: string }[] | undefined) => (iids ?? []).map((i) => i.NameId);
