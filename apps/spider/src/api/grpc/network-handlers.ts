import { InvalidArgumentError } from '@cb/errors';
import type { ServiceImpl } from '@cb/grpc';
import type { spider } from '@cb/proto';
import { spiderWire as wire } from '@cb/spider-client';
import type { SpiderDomain } from './spider-domain';

type Network = Pick<
  ServiceImpl<typeof spider.SpiderService>,
  | 'createVpc'
  | 'listVpcs'
  | 'getVpc'
  | 'deleteVpc'
  | 'addSubnet'
  | 'removeSubnet'
  | 'createSecurityGroup'
  | 'listSecurityGroups'
  | 'getSecurityGroup'
  | 'deleteSecurityGroup'
  | 'addSecurityRules'
  | 'removeSecurityRules'
>;

/** VPCs, subnets and security groups. */
export function networkHandlers({ vpcs, securityGroups }: SpiderDomain): Network {
  return {
    async createVpc(request) {
      return { vpc: wire.toVpcMessage(await vpcs.create(request.connectionName, wire.fromCreateVpcMessage(request))) };
    },
    async listVpcs({ connectionName }) {
      return { vpcs: (await vpcs.list(connectionName)).map(wire.toVpcMessage) };
    },
    async getVpc({ connectionName, name }) {
      return { vpc: wire.toVpcMessage(await vpcs.get(connectionName, name)) };
    },
    async deleteVpc({ connectionName, name, force }) {
      return { result: await vpcs.delete(connectionName, name, force) };
    },
    async addSubnet({ connectionName, vpcName, subnet }) {
      // A missing message is not an empty subnet: say which field is missing instead of "Name is empty".
      if (!subnet) throw new InvalidArgumentError('subnet is required', { field: 'subnet' });
      const vpc = await vpcs.addSubnet(connectionName, vpcName, wire.fromSubnetReqMessage(subnet));
      return { vpc: wire.toVpcMessage(vpc) };
    },
    async removeSubnet({ connectionName, vpcName, subnetName, force }) {
      return { result: await vpcs.removeSubnet(connectionName, vpcName, subnetName, force) };
    },

    async createSecurityGroup(request) {
      const created = await securityGroups.create(request.connectionName, wire.fromCreateSecurityGroupMessage(request));
      return { securityGroup: wire.toSecurityMessage(created) };
    },
    async listSecurityGroups({ connectionName, vpcName }) {
      const groups = await securityGroups.list(connectionName, vpcName || undefined);
      return { securityGroups: groups.map(wire.toSecurityMessage) };
    },
    async getSecurityGroup({ connectionName, name }) {
      return { securityGroup: wire.toSecurityMessage(await securityGroups.get(connectionName, name)) };
    },
    async deleteSecurityGroup({ connectionName, name, force }) {
      return { result: await securityGroups.delete(connectionName, name, force) };
    },
    async addSecurityRules({ connectionName, name, ruleInfoList }) {
      const group = await securityGroups.addRules(connectionName, name, ruleInfoList.map(wire.fromRuleMessage));
      return { securityGroup: wire.toSecurityMessage(group) };
    },
    async removeSecurityRules({ connectionName, name, ruleInfoList }) {
      return { result: await securityGroups.removeRules(connectionName, name, ruleInfoList.map(wire.fromRuleMessage)) };
    },
  };
}
