import type { spider } from '@cb/proto';
import type { DiskReq, KeyPairReq, SecurityGroupReq, SubnetReq, VmReq, VpcReq } from '../types';
import { fromKeyValues, type Init, nonEmpty, present, toKeyValues } from './common';
import { fromRuleMessage, toRuleMessage } from './network';

/*
 * Create requests: upstream's REST `ReqInfo` shapes (resources named by the user's names) <-> the
 * cb.spider.v1 request messages. The client builds messages with the `to*` half; the server reads them
 * back with the `from*` half. An empty proto3 string is "not given", as an absent JSON field upstream.
 */

const given = (value: string): string | undefined => (value === '' ? undefined : value);

export function toSubnetReqMessage(s: SubnetReq): Init<typeof spider.SubnetReqInfoSchema> {
  return { name: s.Name, zone: s.Zone ?? '', ipv4Cidr: s.IPv4_CIDR, tagList: toKeyValues(s.TagList) };
}

export function fromSubnetReqMessage(m: spider.SubnetReqInfo): SubnetReq {
  return {
    Name: m.name,
    ...present('Zone', given(m.zone)),
    IPv4_CIDR: m.ipv4Cidr,
    ...nonEmpty('TagList', fromKeyValues(m.tagList)),
  };
}

export function toCreateVpcMessage(connectionName: string, v: VpcReq): Init<typeof spider.CreateVpcRequestSchema> {
  return {
    connectionName,
    name: v.Name,
    ipv4Cidr: v.IPv4_CIDR,
    subnetInfoList: v.SubnetInfoList.map(toSubnetReqMessage),
    tagList: toKeyValues(v.TagList),
  };
}

export function fromCreateVpcMessage(m: spider.CreateVpcRequest): VpcReq {
  return {
    Name: m.name,
    IPv4_CIDR: m.ipv4Cidr,
    SubnetInfoList: m.subnetInfoList.map(fromSubnetReqMessage),
    ...nonEmpty('TagList', fromKeyValues(m.tagList)),
  };
}

export function toCreateSecurityGroupMessage(
  connectionName: string,
  s: SecurityGroupReq,
): Init<typeof spider.CreateSecurityGroupRequestSchema> {
  return {
    connectionName,
    name: s.Name,
    vpcName: s.VPCName,
    securityRules: s.SecurityRules.map(toRuleMessage),
    tagList: toKeyValues(s.TagList),
  };
}

export function fromCreateSecurityGroupMessage(m: spider.CreateSecurityGroupRequest): SecurityGroupReq {
  return {
    Name: m.name,
    VPCName: m.vpcName,
    SecurityRules: m.securityRules.map(fromRuleMessage),
    ...nonEmpty('TagList', fromKeyValues(m.tagList)),
  };
}

export function toCreateKeyPairMessage(
  connectionName: string,
  k: KeyPairReq,
): Init<typeof spider.CreateKeyPairRequestSchema> {
  return { connectionName, name: k.Name, tagList: toKeyValues(k.TagList) };
}

export function fromCreateKeyPairMessage(m: spider.CreateKeyPairRequest): KeyPairReq {
  return { Name: m.name, ...nonEmpty('TagList', fromKeyValues(m.tagList)) };
}

export function toStartVmMessage(connectionName: string, v: VmReq): Init<typeof spider.StartVmRequestSchema> {
  return {
    connectionName,
    name: v.Name,
    imageType: v.ImageType ?? '',
    imageName: v.ImageName,
    vmSpecName: v.VMSpecName,
    vpcName: v.VPCName,
    subnetName: v.SubnetName,
    securityGroupNames: v.SecurityGroupNames,
    keyPairName: v.KeyPairName,
    rootDiskType: v.RootDiskType ?? '',
    rootDiskSize: v.RootDiskSize ?? '',
    dataDiskNames: v.DataDiskNames ?? [],
    vmUserId: v.VMUserId ?? '',
    vmUserPasswd: v.VMUserPasswd ?? '',
    tagList: toKeyValues(v.TagList),
  };
}

export function fromStartVmMessage(m: spider.StartVmRequest): VmReq {
  return {
    Name: m.name,
    ...present('ImageType', given(m.imageType) as VmReq['ImageType']),
    ImageName: m.imageName,
    VMSpecName: m.vmSpecName,
    VPCName: m.vpcName,
    SubnetName: m.subnetName,
    SecurityGroupNames: [...m.securityGroupNames],
    KeyPairName: m.keyPairName,
    ...present('RootDiskType', given(m.rootDiskType)),
    ...present('RootDiskSize', given(m.rootDiskSize)),
    ...nonEmpty('DataDiskNames', m.dataDiskNames),
    ...present('VMUserId', given(m.vmUserId)),
    ...present('VMUserPasswd', given(m.vmUserPasswd)),
    ...nonEmpty('TagList', fromKeyValues(m.tagList)),
  };
}

export function toCreateDiskMessage(connectionName: string, d: DiskReq): Init<typeof spider.CreateDiskRequestSchema> {
  return {
    connectionName,
    name: d.Name,
    zone: d.Zone ?? '',
    diskType: d.DiskType,
    diskSize: d.DiskSize,
    tagList: toKeyValues(d.TagList),
  };
}

export function fromCreateDiskMessage(m: spider.CreateDiskRequest): DiskReq {
  return {
    Name: m.name,
    ...present('Zone', given(m.zone)),
    DiskType: m.diskType,
    DiskSize: m.diskSize,
    ...nonEmpty('TagList', fromKeyValues(m.tagList)),
  };
}
