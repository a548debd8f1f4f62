import type { SecurityInfo, SecurityRuleInfo, SubnetInfo, VPCInfo } from '@cb/driver-sdk';
import type { spider } from '@cb/proto';
import { fromIid, fromTagsAndKeyValues, type Init, present, toIid, toKeyValues } from './common';

/* VPCs, subnets and security groups: upstream shape <-> cb.spider.v1 message. */

export function toSubnetMessage(s: SubnetInfo): Init<typeof spider.SubnetInfoSchema> {
  return {
    iid: toIid(s.IId),
    zone: s.Zone,
    ipv4Cidr: s.IPv4_CIDR,
    tagList: toKeyValues(s.TagList),
    keyValueList: toKeyValues(s.KeyValueList),
  };
}

export function fromSubnetMessage(m: spider.SubnetInfo): SubnetInfo {
  return { IId: fromIid(m.iid), ...present('Zone', m.zone), IPv4_CIDR: m.ipv4Cidr, ...fromTagsAndKeyValues(m) };
}

export function toVpcMessage(v: VPCInfo): Init<typeof spider.VpcInfoSchema> {
  return {
    iid: toIid(v.IId),
    ipv4Cidr: v.IPv4_CIDR,
    subnetInfoList: v.SubnetInfoList.map(toSubnetMessage),
    tagList: toKeyValues(v.TagList),
    keyValueList: toKeyValues(v.KeyValueList),
  };
}

export function fromVpcMessage(m: spider.VpcInfo): VPCInfo {
  return {
    IId: fromIid(m.iid),
    IPv4_CIDR: m.ipv4Cidr,
    SubnetInfoList: m.subnetInfoList.map(fromSubnetMessage),
    ...fromTagsAndKeyValues(m),
  };
}

export function toRuleMessage(r: SecurityRuleInfo): Init<typeof spider.SecurityRuleInfoSchema> {
  return { direction: r.Direction, ipProtocol: r.IPProtocol, fromPort: r.FromPort, toPort: r.ToPort, cidr: r.CIDR };
}

export function fromRuleMessage(m: spider.SecurityRuleInfo): SecurityRuleInfo {
  return {
    Direction: m.direction,
    IPProtocol: m.ipProtocol,
    FromPort: m.fromPort,
    ToPort: m.toPort,
    ...present('CIDR', m.cidr),
  };
}

export function toSecurityMessage(s: SecurityInfo): Init<typeof spider.SecurityInfoSchema> {
  return {
    iid: toIid(s.IId),
    vpcIid: toIid(s.VpcIID),
    securityRules: s.SecurityRules.map(toRuleMessage),
    tagList: toKeyValues(s.TagList),
    keyValueList: toKeyValues(s.KeyValueList),
  };
}

export function fromSecurityMessage(m: spider.SecurityInfo): SecurityInfo {
  return {
    IId: fromIid(m.iid),
    VpcIID: fromIid(m.vpcIid),
    SecurityRules: m.securityRules.map(fromRuleMessage),
    ...fromTagsAndKeyValues(m),
  };
}
