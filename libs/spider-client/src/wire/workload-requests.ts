import type { spider } from '@cb/proto';
import type {
  ClusterReq,
  MyImageReq,
  NlbHealthCheckerReq,
  NlbListenerReq,
  NlbReq,
  NodeGroupReq,
} from '../workload-types';
import { fromKeyValues, type Init, nonEmpty, present, toKeyValues } from './common';

/*
 * My-image, NLB and cluster requests: upstream's REST `ReqInfo` shapes <-> cb.spider.v1 request messages
 * (the client writes with `to*`, the server reads with `from*`). An empty proto3 string is "not given".
 */

const given = (value: string): string | undefined => (value === '' ? undefined : value);
const text = (value: number | string | undefined): string => (value === undefined ? '' : String(value));

export function toSnapshotVmMessage(
  connectionName: string,
  r: MyImageReq,
): Init<typeof spider.SnapshotVmRequestSchema> {
  return { connectionName, name: r.Name, sourceVm: r.SourceVM, tagList: toKeyValues(r.TagList) };
}

export function fromSnapshotVmMessage(m: spider.SnapshotVmRequest): MyImageReq {
  return { Name: m.name, SourceVM: m.sourceVm, ...nonEmpty('TagList', fromKeyValues(m.tagList)) };
}

export function toListenerReqMessage(l: NlbListenerReq): Init<typeof spider.NlbListenerReqInfoSchema> {
  return { protocol: l.Protocol, port: l.Port };
}

export function fromListenerReqMessage(m: spider.NlbListenerReqInfo): NlbListenerReq {
  return { Protocol: m.protocol, Port: m.port };
}

export function toHealthCheckerReqMessage(h: NlbHealthCheckerReq): Init<typeof spider.NlbHealthCheckerReqInfoSchema> {
  return {
    protocol: h.Protocol,
    port: h.Port,
    interval: text(h.Interval),
    timeout: text(h.Timeout),
    threshold: text(h.Threshold),
  };
}

export function fromHealthCheckerReqMessage(m: spider.NlbHealthCheckerReqInfo): NlbHealthCheckerReq {
  return {
    Protocol: m.protocol,
    Port: m.port,
    ...present('Interval', given(m.interval)),
    ...present('Timeout', given(m.timeout)),
    ...present('Threshold', given(m.threshold)),
  };
}

export function toCreateNlbMessage(connectionName: string, n: NlbReq): Init<typeof spider.CreateNlbRequestSchema> {
  return {
    connectionName,
    name: n.Name,
    vpcName: n.VPCName,
    type: n.Type ?? '',
    scope: n.Scope ?? '',
    listener: toListenerReqMessage(n.Listener),
    vmGroup: n.VMGroup && {
      protocol: n.VMGroup.Protocol ?? '',
      port: n.VMGroup.Port ?? '',
      vmNames: n.VMGroup.VMs ?? [],
    },
    healthChecker: toHealthCheckerReqMessage(n.HealthChecker),
    tagList: toKeyValues(n.TagList),
  };
}

/** The server checks first that the listener and health checker messages are there. */
export function fromCreateNlbMessage(
  m: spider.CreateNlbRequest & { listener: spider.NlbListenerReqInfo; healthChecker: spider.NlbHealthCheckerReqInfo },
): NlbReq {
  const group = m.vmGroup;
  return {
    Name: m.name,
    VPCName: m.vpcName,
    ...present('Type', given(m.type)),
    ...present('Scope', given(m.scope)),
    Listener: fromListenerReqMessage(m.listener),
    ...present(
      'VMGroup',
      group && {
        ...present('Protocol', given(group.protocol)),
        ...present('Port', given(group.port)),
        ...nonEmpty('VMs', group.vmNames),
      },
    ),
    HealthChecker: fromHealthCheckerReqMessage(m.healthChecker),
    ...nonEmpty('TagList', fromKeyValues(m.tagList)),
  };
}

export function toNodeGroupReqMessage(g: NodeGroupReq): Init<typeof spider.NodeGroupReqInfoSchema> {
  return {
    name: g.Name,
    imageName: g.ImageName ?? '',
    vmSpecName: g.VMSpecName,
    rootDiskType: g.RootDiskType ?? '',
    rootDiskSize: g.RootDiskSize ?? '',
    keyPairName: g.KeyPairName,
    onAutoScaling: g.OnAutoScaling ?? false,
    desiredNodeSize: g.DesiredNodeSize,
    minNodeSize: g.MinNodeSize,
    maxNodeSize: g.MaxNodeSize,
    tagList: toKeyValues(g.TagList),
  };
}

export function fromNodeGroupReqMessage(m: spider.NodeGroupReqInfo): NodeGroupReq {
  return {
    Name: m.name,
    ...present('ImageName', given(m.imageName)),
    VMSpecName: m.vmSpecName,
    ...present('RootDiskType', given(m.rootDiskType)),
    ...present('RootDiskSize', given(m.rootDiskSize)),
    KeyPairName: m.keyPairName,
    OnAutoScaling: m.onAutoScaling,
    DesiredNodeSize: m.desiredNodeSize,
    MinNodeSize: m.minNodeSize,
    MaxNodeSize: m.maxNodeSize,
    ...nonEmpty('TagList', fromKeyValues(m.tagList)),
  };
}

export function toCreateClusterMessage(
  connectionName: string,
  c: ClusterReq,
): Init<typeof spider.CreateClusterRequestSchema> {
  return {
    connectionName,
    name: c.Name,
    version: c.Version ?? '',
    vpcName: c.VPCName,
    subnetNames: c.SubnetNames,
    securityGroupNames: c.SecurityGroupNames,
    nodeGroupList: (c.NodeGroupList ?? []).map(toNodeGroupReqMessage),
    tagList: toKeyValues(c.TagList),
  };
}

export function fromCreateClusterMessage(m: spider.CreateClusterRequest): ClusterReq {
  return {
    Name: m.name,
    ...present('Version', given(m.version)),
    VPCName: m.vpcName,
    SubnetNames: [...m.subnetNames],
    SecurityGroupNames: [...m.securityGroupNames],
    NodeGroupList: m.nodeGroupList.map(fromNodeGroupReqMessage),
    ...nonEmpty('TagList', fromKeyValues(m.tagList)),
  };
}
