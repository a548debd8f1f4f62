import type { HealthCheckerInfo, HealthInfo, ListenerInfo, NLBInfo, VMGroupInfo } from '@cb/driver-sdk';
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

/* NLBs, their listener, VM group, health checker and the VMs' health: upstream shape <-> message. */

const keyValues = (m: { keyValueList: Parameters<typeof fromKeyValues>[0] }) =>
  nonEmpty('KeyValueList', fromKeyValues(m.keyValueList));

export function toListenerMessage(l: ListenerInfo): Init<typeof spider.ListenerInfoSchema> {
  return {
    protocol: l.Protocol,
    ip: l.IP,
    port: l.Port,
    dnsName: l.DNSName,
    cspId: l.CspID,
    keyValueList: toKeyValues(l.KeyValueList),
  };
}

export function fromListenerMessage(m: spider.ListenerInfo): ListenerInfo {
  return {
    Protocol: m.protocol,
    ...present('IP', m.ip),
    Port: m.port,
    ...present('DNSName', m.dnsName),
    ...present('CspID', m.cspId),
    ...keyValues(m),
  };
}

export function toVmGroupMessage(g: VMGroupInfo): Init<typeof spider.VmGroupInfoSchema> {
  return {
    protocol: g.Protocol,
    port: g.Port,
    vms: (g.VMs ?? []).map((vm) => toIid(vm)!),
    cspId: g.CspID,
    keyValueList: toKeyValues(g.KeyValueList),
  };
}

export function fromVmGroupMessage(m: spider.VmGroupInfo): VMGroupInfo {
  return {
    Protocol: m.protocol,
    Port: m.port,
    ...nonEmpty('VMs', m.vms.map(fromIid)),
    ...present('CspID', m.cspId),
    ...keyValues(m),
  };
}

export function toHealthCheckerMessage(h: HealthCheckerInfo): Init<typeof spider.HealthCheckerInfoSchema> {
  return {
    protocol: h.Protocol,
    port: h.Port,
    interval: h.Interval,
    timeout: h.Timeout,
    threshold: h.Threshold,
    cspId: h.CspID,
    keyValueList: toKeyValues(h.KeyValueList),
  };
}

export function fromHealthCheckerMessage(m: spider.HealthCheckerInfo): HealthCheckerInfo {
  return {
    Protocol: m.protocol,
    Port: m.port,
    Interval: m.interval,
    Timeout: m.timeout,
    Threshold: m.threshold,
    ...present('CspID', m.cspId),
    ...keyValues(m),
  };
}

export function toNlbMessage(n: NLBInfo): Init<typeof spider.NlbInfoSchema> {
  return {
    iid: toIid(n.IId),
    vpcIid: toIid(n.VpcIID),
    type: n.Type,
    scope: n.Scope,
    listener: toListenerMessage(n.Listener),
    vmGroup: toVmGroupMessage(n.VMGroup),
    healthChecker: toHealthCheckerMessage(n.HealthChecker),
    createdTime: n.CreatedTime,
    tagList: toKeyValues(n.TagList),
    keyValueList: toKeyValues(n.KeyValueList),
  };
}

/** A missing part is Go's zero value, as upstream would answer it. */
export function fromNlbMessage(m: spider.NlbInfo): NLBInfo {
  return {
    IId: fromIid(m.iid),
    VpcIID: fromIid(m.vpcIid),
    Type: m.type,
    Scope: m.scope,
    Listener: m.listener ? fromListenerMessage(m.listener) : { Protocol: '', Port: '' },
    VMGroup: m.vmGroup ? fromVmGroupMessage(m.vmGroup) : { Protocol: '', Port: '' },
    HealthChecker: m.healthChecker
      ? fromHealthCheckerMessage(m.healthChecker)
      : { Protocol: '', Port: '', Interval: 0, Timeout: 0, Threshold: 0 },
    CreatedTime: m.createdTime,
    ...fromTagsAndKeyValues(m),
  };
}

export function toHealthInfoMessage(h: HealthInfo): Init<typeof spider.HealthInfoSchema> {
  const iids = (list: HealthInfo['AllVMs']) => list.map((vm) => toIid(vm)!);
  return { allVms: iids(h.AllVMs), healthyVms: iids(h.HealthyVMs), unhealthyVms: iids(h.UnHealthyVMs) };
}

export function fromHealthInfoMessage(m: spider.HealthInfo): HealthInfo {
  return {
    AllVMs: m.allVms.map(fromIid),
    HealthyVMs: m.healthyVms.map(fromIid),
    UnHealthyVMs: m.unhealthyVms.map(fromIid),
  };
}
