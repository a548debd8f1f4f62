import type { ClusterInfo, ClusterStatus, NetworkInfo, NodeGroupInfo, NodeGroupStatus } from '@cb/driver-sdk';
import type { spider } from '@cb/proto';
import {
  fromIid,
  fromKeyValues,
  fromTagsAndKeyValues,
  type Init,
  nonEmpty,
  present,
  toIid,
  toKeyValues,
} from './common';

/* Kubernetes clusters and node groups: upstream shape <-> cb.spider.v1 message. */

const iids = (list: readonly { NameId: string; SystemId: string }[] | undefined) => (list ?? []).map((i) => toIid(i)!);

function toNetworkMessage(n: NetworkInfo): Init<typeof spider.NetworkInfoSchema> {
  return {
    vpcIid: toIid(n.VpcIID),
    subnetIids: iids(n.SubnetIIDs),
    securityGroupIids: iids(n.SecurityGroupIIDs),
    keyValueList: toKeyValues(n.KeyValueList),
  };
}

function fromNetworkMessage(m: spider.NetworkInfo | undefined): NetworkInfo {
  return {
    VpcIID: fromIid(m?.vpcIid),
    SubnetIIDs: (m?.subnetIids ?? []).map(fromIid),
    SecurityGroupIIDs: (m?.securityGroupIids ?? []).map(fromIid),
    ...nonEmpty('KeyValueList', fromKeyValues(m?.keyValueList ?? [])),
  };
}

export function toNodeGroupMessage(g: NodeGroupInfo): Init<typeof spider.NodeGroupInfoSchema> {
  return {
    iid: toIid(g.IId),
    imageIid: toIid(g.ImageIID),
    vmSpecName: g.VMSpecName,
    rootDiskType: g.RootDiskType,
    rootDiskSize: g.RootDiskSize,
    keyPairIid: toIid(g.KeyPairIID),
    onAutoScaling: g.OnAutoScaling,
    desiredNodeSize: g.DesiredNodeSize,
    minNodeSize: g.MinNodeSize,
    maxNodeSize: g.MaxNodeSize,
    status: g.Status,
    nodes: iids(g.Nodes),
    tagList: toKeyValues(g.TagList),
    keyValueList: toKeyValues(g.KeyValueList),
  };
}

export function fromNodeGroupMessage(m: spider.NodeGroupInfo): NodeGroupInfo {
  return {
    IId: fromIid(m.iid),
    ImageIID: fromIid(m.imageIid),
    VMSpecName: m.vmSpecName,
    RootDiskType: m.rootDiskType,
    RootDiskSize: m.rootDiskSize,
    KeyPairIID: fromIid(m.keyPairIid),
    OnAutoScaling: m.onAutoScaling,
    DesiredNodeSize: m.desiredNodeSize,
    MinNodeSize: m.minNodeSize,
    MaxNodeSize: m.maxNodeSize,
    Status: m.status as NodeGroupStatus,
    ...nonEmpty('Nodes', m.nodes.map(fromIid)),
    ...fromTagsAndKeyValues(m),
  };
}

export function toClusterMessage(c: ClusterInfo): Init<typeof spider.ClusterInfoSchema> {
  return {
    iid: toIid(c.IId),
    version: c.Version,
    network: toNetworkMessage(c.Network),
    nodeGroupList: (c.NodeGroupList ?? []).map(toNodeGroupMessage),
    accessInfo: c.AccessInfo && { endpoint: c.AccessInfo.Endpoint, kubeconfig: c.AccessInfo.Kubeconfig },
    addons: c.Addons && { keyValueList: toKeyValues(c.Addons.KeyValueList) },
    status: c.Status,
    createdTime: c.CreatedTime,
    tagList: toKeyValues(c.TagList),
    keyValueList: toKeyValues(c.KeyValueList),
  };
}

export function fromClusterMessage(m: spider.ClusterInfo): ClusterInfo {
  const addons = m.addons && nonEmpty('KeyValueList', fromKeyValues(m.addons.keyValueList));
  return {
    IId: fromIid(m.iid),
    Version: m.version,
    Network: fromNetworkMessage(m.network),
    ...nonEmpty('NodeGroupList', m.nodeGroupList.map(fromNodeGroupMessage)),
    ...present('AccessInfo', m.accessInfo && { Endpoint: m.accessInfo.endpoint, Kubeconfig: m.accessInfo.kubeconfig }),
    ...present('Addons', addons),
    Status: m.status as ClusterStatus,
    CreatedTime: m.createdTime,
    ...fromTagsAndKeyValues(m),
  };
}
