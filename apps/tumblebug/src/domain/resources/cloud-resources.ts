import type { DiskInfo, KeyPairInfo, MyImageInfo, SecurityInfo, VPCInfo } from '@cb/driver-sdk';
import { InvalidArgumentError } from '@cb/errors';
import type { SpiderClient } from '@cb/spider-client';
import { toFirewallRuleInfo, toSpiderRules } from './firewall-rules';
import type { DataDiskReq, SecurityGroupReq, SshKeyReq, SubnetReq, VNetReq } from './resource-requests';

/** What one cloud call produced: the fields it adds to the Info object, and a private key to seal. */
export interface Built {
  info: Record<string, unknown>;
  privateKey?: string;
}

type Spider = Pick<
  SpiderClient,
  | 'createVpc'
  | 'getVpc'
  | 'createSecurityGroup'
  | 'getSecurityGroup'
  | 'createKeyPair'
  | 'getKeyPair'
  | 'createDisk'
  | 'getDisk'
  | 'registerResource'
  | 'snapshotVm'
>;

export const subnetCspName = (vNetUid: string, subnetName: string) => `${vNetUid}-${subnetName}`;

type VpcSubnet = VPCInfo['SubnetInfoList'][number];

/** Upstream's SubnetInfo of one of spider's subnets, named as the request named it. */
export function toSubnetInfo(vpc: VPCInfo, subnet: VpcSubnet, wanted?: Pick<SubnetReq, 'name' | 'description'>) {
  const name = wanted?.name ?? subnet.IId.NameId;
  return {
    id: name,
    uid: subnet.IId.NameId,
    name,
    ipv4_CIDR: subnet.IPv4_CIDR,
    zone: subnet.Zone ?? '',
    cspResourceId: subnet.IId.SystemId,
    cspResourceName: subnet.IId.NameId,
    cspVNetId: vpc.IId.SystemId,
    cspVNetName: vpc.IId.NameId,
    bastionNodes: [],
    status: 'Available',
    description: wanted?.description ?? '',
    keyValueList: subnet.KeyValueList ?? [],
  };
}

function fromVpc(vpc: VPCInfo, req: Pick<VNetReq, 'subnetInfoList'>, uid: string): Built {
  return {
    info: {
      cspResourceId: vpc.IId.SystemId,
      cidrBlock: vpc.IPv4_CIDR,
      status: 'Available',
      keyValueList: vpc.KeyValueList ?? [],
      subnetInfoList: vpc.SubnetInfoList.map((subnet) =>
        toSubnetInfo(
          vpc,
          subnet,
          req.subnetInfoList.find((s) => subnetCspName(uid, s.name) === subnet.IId.NameId),
        ),
      ),
    },
  };
}

export async function createVNet(spider: Spider, req: VNetReq, uid: string): Promise<Built> {
  if (!req.subnetInfoList.length) throw new InvalidArgumentError('subnetInfoList: at least one subnet is required');
  const vpc = await spider.createVpc(req.connectionName, {
    Name: uid,
    IPv4_CIDR: req.cidrBlock ?? '',
    SubnetInfoList: req.subnetInfoList.map((s) => ({
      Name: subnetCspName(uid, s.name),
      IPv4_CIDR: s.ipv4_CIDR,
      Zone: s.zone,
    })),
  });
  return fromVpc(vpc, req, uid);
}

/**
 * Registering adopts a resource the cloud has (by its CSP id) into spider under a new name `uid`, as
 * upstream's `POST /spider/reg<rs>`; nothing is created in the cloud.
 */
export async function registerVNet(spider: Spider, req: VNetReq, uid: string, cspId: string): Promise<Built> {
  const vpc = await spider.registerResource(req.connectionName, 'vpc', { Name: uid, CSPId: cspId });
  return fromVpc(vpc, { subnetInfoList: [] }, uid);
}

export function fromSecurityGroup(sg: SecurityInfo): Built {
  return {
    info: {
      cspResourceId: sg.IId.SystemId,
      cspVNetId: sg.VpcIID.SystemId,
      firewallRules: sg.SecurityRules.map(toFirewallRuleInfo),
      keyValueList: sg.KeyValueList ?? [],
    },
  };
}

export async function createSecurityGroup(
  spider: Spider,
  req: SecurityGroupReq,
  uid: string,
  vNetCspName: string,
): Promise<Built> {
  const rules = toSpiderRules(req.firewallRules);
  return fromSecurityGroup(
    await spider.createSecurityGroup(req.connectionName, { Name: uid, VPCName: vNetCspName, SecurityRules: rules }),
  );
}

export async function registerSecurityGroup(
  spider: Spider,
  req: SecurityGroupReq,
  uid: string,
  cspId: string,
  vNetCspName: string,
): Promise<Built> {
  return fromSecurityGroup(
    await spider.registerResource(req.connectionName, 'securitygroup', {
      Name: uid,
      CSPId: cspId,
      VPCName: vNetCspName,
    }),
  );
}

function fromKeyPair(key: KeyPairInfo, req: SshKeyReq): Built {
  return {
    info: {
      cspResourceId: key.IId.SystemId,
      fingerprint: req.fingerprint || key.Fingerprint || '',
      username: req.username || key.VMUserID || '',
      verifiedUsername: req.verifiedUsername ?? '',
      publicKey: req.publicKey || key.PublicKey || '',
      keyValueList: key.KeyValueList ?? [],
    },
    privateKey: req.privateKey || key.PrivateKey || undefined,
  };
}

export async function createSshKey(spider: Spider, req: SshKeyReq, uid: string): Promise<Built> {
  return fromKeyPair(await spider.createKeyPair(req.connectionName, { Name: uid }), req);
}

export async function registerSshKey(spider: Spider, req: SshKeyReq, uid: string, cspId: string): Promise<Built> {
  return fromKeyPair(await spider.registerResource(req.connectionName, 'keypair', { Name: uid, CSPId: cspId }), req);
}

function fromDisk(disk: DiskInfo): Built {
  return {
    info: {
      cspResourceId: disk.IId.SystemId,
      diskType: disk.DiskType,
      diskSize: Number(disk.DiskSize) || 0,
      status: disk.Status,
      createdTime: disk.CreatedTime,
      keyValueList: disk.KeyValueList ?? [],
    },
  };
}

export async function createDataDisk(spider: Spider, req: DataDiskReq, uid: string): Promise<Built> {
  return fromDisk(
    await spider.createDisk(req.connectionName, {
      Name: uid,
      DiskType: req.diskType || 'default',
      DiskSize: String(req.diskSize),
    }),
  );
}

export async function registerDataDisk(spider: Spider, req: DataDiskReq, uid: string, cspId: string): Promise<Built> {
  return fromDisk(await spider.registerResource(req.connectionName, 'disk', { Name: uid, CSPId: cspId }));
}

function fromMyImage(image: MyImageInfo): Built {
  return {
    info: {
      cspResourceId: image.IId.SystemId,
      status: image.Status || 'Available',
      creationDate: image.CreatedTime ?? '',
      keyValueList: image.KeyValueList ?? [],
    },
  };
}

/** A customImage made from a VM (spider's name `vmCspName`): upstream's VM snapshot. */
export async function snapshotVm(
  spider: Spider,
  req: { connectionName: string },
  uid: string,
  vmCspName: string,
): Promise<Built> {
  return fromMyImage(await spider.snapshotVm(req.connectionName, { Name: uid, SourceVM: vmCspName }));
}

/** An image of the cloud's (a snapshot made elsewhere) adopted as a customImage, usable as a MyImage. */
export async function registerCustomImage(
  spider: Spider,
  req: { connectionName: string },
  uid: string,
  cspId: string,
): Promise<Built> {
  return fromMyImage(await spider.registerResource(req.connectionName, 'myimage', { Name: uid, CSPId: cspId }));
}
