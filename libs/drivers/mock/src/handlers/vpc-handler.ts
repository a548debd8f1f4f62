import { DriverError, type IID, type SubnetInfo, type VPCHandler, type VPCInfo, type VPCReqInfo } from '@cb/driver-sdk';
import type { MockEnv } from './mock-env';

/** Upstream's mock keeps CIDRs as given and checks no dependants on delete; neither do we. */
export class MockVPCHandler implements VPCHandler {
  constructor(private readonly env: MockEnv) {}

  async createVPC(req: VPCReqInfo): Promise<VPCInfo> {
    requireName(req.IId, 'VPC');
    const subnets = req.SubnetInfoList ?? [];
    const names = new Set<string>();
    for (const subnet of subnets) {
      requireName(subnet.IId, 'subnet');
      if (names.has(subnet.IId.NameId)) {
        throw new DriverError('INVALID_ARGUMENT', `subnet '${subnet.IId.NameId}' is listed twice`);
      }
      names.add(subnet.IId.NameId);
    }
    return this.env.cloud.vpcs.insert({
      IId: { NameId: req.IId.NameId, SystemId: req.IId.NameId },
      IPv4_CIDR: req.IPv4_CIDR,
      SubnetInfoList: subnets.map((s) => this.toSubnet(s)),
      ...(req.TagList?.length ? { TagList: req.TagList } : {}),
    });
  }

  async listVPC(): Promise<VPCInfo[]> {
    return this.env.cloud.vpcs.list();
  }

  async getVPC(vpcIID: IID): Promise<VPCInfo> {
    return this.env.cloud.vpcs.get(vpcIID);
  }

  async deleteVPC(vpcIID: IID): Promise<boolean> {
    this.env.cloud.vpcs.delete(vpcIID);
    return true;
  }

  async addSubnet(vpcIID: IID, subnet: SubnetInfo): Promise<VPCInfo> {
    requireName(subnet.IId, 'subnet');
    const vpc = this.env.cloud.vpcs.ref(vpcIID);
    if (vpc.SubnetInfoList.some((s) => s.IId.NameId === subnet.IId.NameId)) {
      throw new DriverError(
        'ALREADY_EXISTS',
        `subnet '${subnet.IId.NameId}' already exists in VPC '${vpc.IId.NameId}'`,
      );
    }
    vpc.SubnetInfoList.push(this.toSubnet(subnet));
    return structuredClone(vpc);
  }

  async removeSubnet(vpcIID: IID, subnetIID: IID): Promise<boolean> {
    const vpc = this.env.cloud.vpcs.ref(vpcIID);
    const index = vpc.SubnetInfoList.findIndex(
      (s) => s.IId.NameId === subnetIID.NameId || (subnetIID.SystemId !== '' && s.IId.SystemId === subnetIID.SystemId),
    );
    if (index < 0) {
      throw new DriverError('NOT_FOUND', `subnet '${subnetIID.NameId}' does not exist in VPC '${vpc.IId.NameId}'`);
    }
    vpc.SubnetInfoList.splice(index, 1);
    return true;
  }

  async listIID(): Promise<IID[]> {
    return this.env.cloud.vpcs.iids();
  }

  private toSubnet(subnet: SubnetInfo): SubnetInfo {
    return {
      IId: { NameId: subnet.IId.NameId, SystemId: subnet.IId.NameId },
      Zone: subnet.Zone || this.env.region.Zone || '',
      IPv4_CIDR: subnet.IPv4_CIDR,
      ...(subnet.TagList?.length ? { TagList: subnet.TagList } : {}),
    };
  }
}

export function requireName(iid: IID | undefined, what: string): void {
  if (!iid?.NameId?.trim()) throw new DriverError('INVALID_ARGUMENT', `${what} name (IId.NameId) is empty`);
}
