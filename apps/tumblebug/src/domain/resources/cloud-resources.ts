import type { DiskInfo, KeyPairInfo, SecurityInfo, VPCInfo } from '@cb/driver-sdk';
import { InvalidArgumentError } from '@cb/errors';
import type { SpiderClient } from '@cb/spider-client';
import { toFirewallRuleInfo, toSpiderRules } from './firewall-rules';
import type { DataDiskReq, SecurityGroupReq, SshKeyReq, VNetReq } from './resource-requests';

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
>;

const subnetCspName = (vNetUid: string, subnetName: string) => `${vNetUid}-${subnetName}`;

function fromVpc(vpc: VPCInfo, req: Pick<VNetReq, 'subnetInfoList'>, uid: string): Built {
  return {
    info: {
      cspResourceId: vpc.IId.SystemId,
      cidrBlock: vpc.IPv4_CIDR,
      status: 'Available',
      keyValueList: vpc.KeyValueList ?? [],
      subnetInfoList: vpc.SubnetInfoList.map((subnet) => {
        const wanted = req.subnetInfoList.find((s) => subnetCspName(uid, s.name) === subnet.IId.NameId);
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
      }),
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

export async function registerVNet(spider: Spider, req: VNetReq, cspName: string): Promise<Built> {
  return fromVpc(await spider.getVpc(req.connectionName, cspName), { subnetInfoList: [] }, cspName);
}

function fromSecurityGroup(sg: SecurityInfo): Built {
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

export async function registerSecurityGroup(spider: Spider, req: SecurityGroupReq, cspName: string): Promise<Built> {
  return fromSecurityGroup(await spider.getSecurityGroup(req.connectionName, cspName));
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

export async function registerSshKey(spider: Spider, req: SshKeyReq, cspName: string): Promise<Built> {
  return fromKeyPair(await spider.getKeyPair(req.connectionName, cspName), req);
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

export async function registerDataDisk(spider: Spider, req: DataDiskReq, cspName: string): Promise<Built> {
  return fromDisk(await spider.getDisk(req.connectionName, cspName));
}
