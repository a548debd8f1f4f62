import type {
  DiskInfo,
  KeyPairInfo,
  SecurityInfo,
  SecurityRuleInfo,
  VMInfo,
  VMStatus,
  VMStatusInfo,
  VPCInfo,
} from '@cb/driver-sdk';
import type { CallOptions } from '@cb/grpc';
import { required, SpiderCatalogClient, type StreamOptions } from './catalog-client';
import type { DeleteOptions, DiskReq, KeyPairReq, SecurityGroupReq, SubnetReq, VmAction, VmReq, VpcReq } from './types';
import * as wire from './wire';

export type DeleteCallOptions = DeleteOptions & CallOptions;

/**
 * The catalogs (see SpiderCatalogClient) plus the resources a user creates in a connection (VPC, security
 * group, key pair, VM, disk), named by the user's names. SpiderClient adds the rest of spider.
 */
export class SpiderResourceClient extends SpiderCatalogClient {
  // ---- VPC / subnet

  async createVpc(connectionName: string, req: VpcReq, options?: CallOptions): Promise<VPCInfo> {
    const { vpc } = await this.grpc.createVpc(wire.toCreateVpcMessage(connectionName, req), options);
    return wire.fromVpcMessage(required(vpc, 'vpc'));
  }

  async listVpcs(connectionName: string, options?: CallOptions): Promise<VPCInfo[]> {
    return (await this.grpc.listVpcs({ connectionName }, options)).vpcs.map(wire.fromVpcMessage);
  }

  async getVpc(connectionName: string, name: string, options?: CallOptions): Promise<VPCInfo> {
    const { vpc } = await this.grpc.getVpc({ connectionName, name }, options);
    return wire.fromVpcMessage(required(vpc, 'vpc'));
  }

  async deleteVpc(connectionName: string, name: string, options: DeleteCallOptions = {}): Promise<boolean> {
    return (await this.grpc.deleteVpc({ connectionName, name, force: options.force ?? false }, options)).result;
  }

  async addSubnet(connectionName: string, vpcName: string, subnet: SubnetReq, options?: CallOptions): Promise<VPCInfo> {
    const request = { connectionName, vpcName, subnet: wire.toSubnetReqMessage(subnet) };
    return wire.fromVpcMessage(required((await this.grpc.addSubnet(request, options)).vpc, 'vpc'));
  }

  async removeSubnet(
    connectionName: string,
    vpcName: string,
    subnetName: string,
    options: DeleteCallOptions = {},
  ): Promise<boolean> {
    const request = { connectionName, vpcName, subnetName, force: options.force ?? false };
    return (await this.grpc.removeSubnet(request, options)).result;
  }

  // ---- security groups

  async createSecurityGroup(
    connectionName: string,
    req: SecurityGroupReq,
    options?: CallOptions,
  ): Promise<SecurityInfo> {
    const { securityGroup } = await this.grpc.createSecurityGroup(
      wire.toCreateSecurityGroupMessage(connectionName, req),
      options,
    );
    return wire.fromSecurityMessage(required(securityGroup, 'security_group'));
  }

  /** Every group of the connection, or only those of `vpcName`. */
  async listSecurityGroups(connectionName: string, vpcName = '', options?: CallOptions): Promise<SecurityInfo[]> {
    const { securityGroups } = await this.grpc.listSecurityGroups({ connectionName, vpcName }, options);
    return securityGroups.map(wire.fromSecurityMessage);
  }

  async getSecurityGroup(connectionName: string, name: string, options?: CallOptions): Promise<SecurityInfo> {
    const { securityGroup } = await this.grpc.getSecurityGroup({ connectionName, name }, options);
    return wire.fromSecurityMessage(required(securityGroup, 'security_group'));
  }

  async deleteSecurityGroup(connectionName: string, name: string, options: DeleteCallOptions = {}): Promise<boolean> {
    const request = { connectionName, name, force: options.force ?? false };
    return (await this.grpc.deleteSecurityGroup(request, options)).result;
  }

  async addSecurityRules(
    connectionName: string,
    name: string,
    rules: SecurityRuleInfo[],
    options?: CallOptions,
  ): Promise<SecurityInfo> {
    const request = { connectionName, name, ruleInfoList: rules.map(wire.toRuleMessage) };
    const { securityGroup } = await this.grpc.addSecurityRules(request, options);
    return wire.fromSecurityMessage(required(securityGroup, 'security_group'));
  }

  async removeSecurityRules(
    connectionName: string,
    name: string,
    rules: SecurityRuleInfo[],
    options?: CallOptions,
  ): Promise<boolean> {
    const request = { connectionName, name, ruleInfoList: rules.map(wire.toRuleMessage) };
    return (await this.grpc.removeSecurityRules(request, options)).result;
  }

  // ---- key pairs

  /** The only answer that carries the private key. */
  async createKeyPair(connectionName: string, req: KeyPairReq, options?: CallOptions): Promise<KeyPairInfo> {
    const { keyPair } = await this.grpc.createKeyPair(wire.toCreateKeyPairMessage(connectionName, req), options);
    return wire.fromKeyPairMessage(required(keyPair, 'key_pair'));
  }

  async listKeyPairs(connectionName: string, options?: CallOptions): Promise<KeyPairInfo[]> {
    return (await this.grpc.listKeyPairs({ connectionName }, options)).keyPairs.map(wire.fromKeyPairMessage);
  }

  async getKeyPair(connectionName: string, name: string, options?: CallOptions): Promise<KeyPairInfo> {
    const { keyPair } = await this.grpc.getKeyPair({ connectionName, name }, options);
    return wire.fromKeyPairMessage(required(keyPair, 'key_pair'));
  }

  async deleteKeyPair(connectionName: string, name: string, options: DeleteCallOptions = {}): Promise<boolean> {
    return (await this.grpc.deleteKeyPair({ connectionName, name, force: options.force ?? false }, options)).result;
  }

  // ---- VMs

  async startVm(connectionName: string, req: VmReq, options?: CallOptions): Promise<VMInfo> {
    const { vm } = await this.grpc.startVm(wire.toStartVmMessage(connectionName, req), options);
    return wire.fromVmMessage(required(vm, 'vm'));
  }

  async getVm(connectionName: string, name: string, options?: CallOptions): Promise<VMInfo> {
    const { vm } = await this.grpc.getVm({ connectionName, name }, options);
    return wire.fromVmMessage(required(vm, 'vm'));
  }

  async *listVms(connectionName: string, options: StreamOptions = {}): AsyncIterable<VMInfo> {
    const request = { connectionName, batchSize: options.batchSize ?? 0 };
    for await (const { vms } of this.grpc.listVms(request, this.streamOptions(options))) {
      for (const vm of vms) yield wire.fromVmMessage(vm);
    }
  }

  async getVmStatus(connectionName: string, name: string, options?: CallOptions): Promise<VMStatus> {
    return (await this.grpc.getVmStatus({ connectionName, name }, options)).status as VMStatus;
  }

  async listVmStatuses(connectionName: string, options?: CallOptions): Promise<VMStatusInfo[]> {
    const { vmStatuses } = await this.grpc.listVmStatuses({ connectionName }, options);
    return vmStatuses.map(wire.fromVmStatusMessage);
  }

  /** Answers the transitional status (Suspending, Resuming, Rebooting). */
  async controlVm(connectionName: string, name: string, action: VmAction, options?: CallOptions): Promise<VMStatus> {
    return (await this.grpc.controlVm({ connectionName, name, action }, options)).status as VMStatus;
  }

  /** Answers Terminating or Terminated. */
  async terminateVm(connectionName: string, name: string, options: DeleteCallOptions = {}): Promise<VMStatus> {
    const request = { connectionName, name, force: options.force ?? false };
    return (await this.grpc.terminateVm(request, options)).status as VMStatus;
  }

  // ---- disks

  async createDisk(connectionName: string, req: DiskReq, options?: CallOptions): Promise<DiskInfo> {
    const { disk } = await this.grpc.createDisk(wire.toCreateDiskMessage(connectionName, req), options);
    return wire.fromDiskMessage(required(disk, 'disk'));
  }

  async listDisks(connectionName: string, options?: CallOptions): Promise<DiskInfo[]> {
    return (await this.grpc.listDisks({ connectionName }, options)).disks.map(wire.fromDiskMessage);
  }

  async getDisk(connectionName: string, name: string, options?: CallOptions): Promise<DiskInfo> {
    const { disk } = await this.grpc.getDisk({ connectionName, name }, options);
    return wire.fromDiskMessage(required(disk, 'disk'));
  }

  async deleteDisk(connectionName: string, name: string, options: DeleteCallOptions = {}): Promise<boolean> {
    return (await this.grpc.deleteDisk({ connectionName, name, force: options.force ?? false }, options)).result;
  }

  async attachDisk(connectionName: string, name: string, vmName: string, options?: CallOptions): Promise<DiskInfo> {
    const { disk } = await this.grpc.attachDisk({ connectionName, name, vmName }, options);
    return wire.fromDiskMessage(required(disk, 'disk'));
  }

  async detachDisk(connectionName: string, name: string, vmName: string, options?: CallOptions): Promise<boolean> {
    return (await this.grpc.detachDisk({ connectionName, name, vmName }, options)).result;
  }

  async changeDiskSize(connectionName: string, name: string, size: string, options?: CallOptions): Promise<boolean> {
    return (await this.grpc.changeDiskSize({ connectionName, name, size }, options)).result;
  }
}
