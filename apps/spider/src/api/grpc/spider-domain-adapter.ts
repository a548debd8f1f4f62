import { InvalidArgumentError } from '@cb/errors';
import type { CallHistory } from '../../domain/calls';
import type { ConnectionInfoService } from '../../domain/cim/connection-info-service';
import { keyPairs } from '../../domain/resources/key-pair';
import type { ResourceRuntime } from '../../domain/resources/resource-runtime';
import { securityGroups } from '../../domain/resources/security-group';
import type { VmService } from '../../domain/resources/vm';
import { vpcs } from '../../domain/resources/vpc';
import {
  keyPairSchema,
  ruleSchema,
  securityGroupSchema,
  subnetSchema,
  vmSchema,
  vpcSchema,
} from '../rest/resources/schemas';
import { driverCatalogs } from './driver-catalogs';
import { ID_TRANSFORM, valid } from './req-info';
import { callHistoryOf, managementDomainOf } from './management-domain-adapter';
import type { Catalogs, SpiderDomain } from './spider-domain';
import { workloadDomainOf } from './workload-domain-adapter';

/** spider's domain services, as the wiring builds them once for REST and gRPC alike. */
export interface SpiderDomainServices {
  connections: ConnectionInfoService;
  runtime: ResourceRuntime;
  vms: VmService;
  callHistory: CallHistory;
  /** Defaults to reading the catalogs from the drivers through the runtime. */
  catalogs?: Catalogs;
}

/** The gRPC API's view of spider's domain services (see spider-domain.ts). */
export function spiderDomainOf(services: SpiderDomainServices): SpiderDomain {
  const { connections, runtime, vms } = services;
  const scope = (connectionName: string) => runtime.scope(connectionName);
  return {
    connections: {
      listConnectionConfigs: () => connections.listConnectionConfigs(),
      getConnectionConfig: (name) => connections.getConnectionConfig(name),
    },
    catalogs: services.catalogs ?? driverCatalogs(runtime),
    vpcs: {
      create: async (c, req) => vpcs.create(await scope(c), valid(req, vpcSchema, 'VPCReqInfo'), ID_TRANSFORM),
      list: async (c) => vpcs.list(await scope(c)),
      get: async (c, name) => vpcs.get(await scope(c), name),
      delete: async (c, name, force) => vpcs.delete(await scope(c), name, force),
      addSubnet: async (c, vpcName, req) =>
        vpcs.addSubnet(await scope(c), vpcName, valid(req, subnetSchema, 'SubnetInfo'), ID_TRANSFORM),
      removeSubnet: async (c, vpcName, name, force) => vpcs.removeSubnet(await scope(c), vpcName, name, force),
    },
    securityGroups: {
      create: async (c, req) =>
        securityGroups.create(await scope(c), valid(req, securityGroupSchema, 'SecurityReqInfo'), ID_TRANSFORM),
      list: async (c, vpcName) => securityGroups.list(await scope(c), vpcName),
      get: async (c, name) => securityGroups.get(await scope(c), name),
      delete: async (c, name, force) => securityGroups.delete(await scope(c), name, force),
      addRules: async (c, name, rules) => securityGroups.addRules(await scope(c), name, validRules(rules)),
      removeRules: async (c, name, rules) => securityGroups.removeRules(await scope(c), name, validRules(rules)),
    },
    keyPairs: {
      create: async (c, req) =>
        keyPairs.create(await scope(c), valid(req, keyPairSchema, 'KeyPairReqInfo'), ID_TRANSFORM),
      list: async (c) => keyPairs.list(await scope(c)),
      get: async (c, name) => keyPairs.get(await scope(c), name),
      delete: async (c, name, force) => keyPairs.delete(await scope(c), name, force),
    },
    vms: {
      start: async (c, req) => {
        const vm = valid(req, vmSchema, 'VMReqInfo');
        return vms.start(await scope(c), { ...vm, ImageType: vm.ImageType || undefined }, ID_TRANSFORM);
      },
      get: async (c, name) => vms.get(await scope(c), name),
      list: async (c) => vms.list(await scope(c)),
      getStatus: async (c, name) => vms.getStatus(await scope(c), name),
      listStatuses: async (c) => vms.listStatus(await scope(c)),
      control: async (c, name, action) => vms.control(await scope(c), name, action),
      terminate: async (c, name, force) => vms.terminate(await scope(c), name, force),
    },
    ...workloadDomainOf(runtime),
    management: managementDomainOf(runtime, vms),
    callHistory: callHistoryOf(services.callHistory),
  };
}

function validRules(rules: unknown[]) {
  if (rules.length === 0) throw new InvalidArgumentError('rule_info_list is empty', { field: 'rule_info_list' });
  return rules.map((rule, i) => valid(rule, ruleSchema, `SecurityRuleInfo[${i}]`));
}
