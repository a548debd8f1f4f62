import type {
  DiskInfo,
  DiskStatus,
  ImageType,
  KeyPairInfo,
  NICInfo,
  VMInfo,
  VMStatus,
  VMStatusInfo,
} from '@cb/driver-sdk';
import type { spider } from '@cb/proto';
import { fromIid, fromTagsAndKeyValues, type Init, nonEmpty, present, toIid, toKeyValues } from './common';

/* Key pairs, VMs, VM statuses and disks: upstream shape <-> cb.spider.v1 message. */

export function toKeyPairMessage(k: KeyPairInfo): Init<typeof spider.KeyPairInfoSchema> {
  return {
    iid: toIid(k.IId),
    fingerprint: k.Fingerprint,
    publicKey: k.PublicKey,
    privateKey: k.PrivateKey,
    vmUserId: k.VMUserID,
    tagList: toKeyValues(k.TagList),
    keyValueList: toKeyValues(k.KeyValueList),
  };
}

export function fromKeyPairMessage(m: spider.KeyPairInfo): KeyPairInfo {
  return {
    IId: fromIid(m.iid),
    ...present('Fingerprint', m.fingerprint),
    ...present('PublicKey', m.publicKey),
    ...present('PrivateKey', m.privateKey),
    ...present('VMUserID', m.vmUserId),
    ...fromTagsAndKeyValues(m),
  };
}

function toNicMessage(n: NICInfo): Init<typeof spider.NicInfoSchema> {
  return {
    iid: toIid(n.IId),
    deviceIndex: n.DeviceIndex,
    privateIps: n.PrivateIPs ?? [],
    publicIps: n.PublicIPs ?? [],
    macAddress: n.MACAddress,
    subnetIid: toIid(n.SubnetIID),
  };
}

function fromNicMessage(m: spider.NicInfo): NICInfo {
  return {
    IId: fromIid(m.iid),
    DeviceIndex: m.deviceIndex,
    ...nonEmpty('PrivateIPs', m.privateIps),
    ...nonEmpty('PublicIPs', m.publicIps),
    ...present('MACAddress', m.macAddress),
    ...present('SubnetIID', m.subnetIid && fromIid(m.subnetIid)),
  };
}

export function toVmMessage(v: VMInfo): Init<typeof spider.VmInfoSchema> {
  return {
    iid: toIid(v.IId),
    startTime: v.StartTime,
    region: { region: v.Region.Region, zone: v.Region.Zone },
    imageType: v.ImageType,
    imageIid: toIid(v.ImageIId),
    vmSpecName: v.VMSpecName,
    vpcIid: toIid(v.VpcIID),
    subnetIid: toIid(v.SubnetIID),
    securityGroupIids: v.SecurityGroupIIds.map((sg) => toIid(sg)!),
    keyPairIid: toIid(v.KeyPairIId),
    rootDiskType: v.RootDiskType,
    rootDiskSize: v.RootDiskSize,
    rootDeviceName: v.RootDeviceName,
    dataDiskIids: (v.DataDiskIIDs ?? []).map((disk) => toIid(disk)!),
    vmBootDisk: v.VMBootDisk,
    vmBlockDisk: v.VMBlockDisk,
    vmUserId: v.VMUserId,
    vmUserPasswd: v.VMUserPasswd,
    nics: (v.NICs ?? []).map(toNicMessage),
    networkInterface: v.NetworkInterface,
    publicIp: v.PublicIP,
    publicIps: v.PublicIPs ?? [],
    publicDns: v.PublicDNS,
    privateIp: v.PrivateIP,
    privateIps: v.PrivateIPs ?? [],
    privateDns: v.PrivateDNS,
    platform: v.Platform,
    sshAccessPoint: v.SSHAccessPoint,
    accessPoint: v.AccessPoint,
    tagList: toKeyValues(v.TagList),
    keyValueList: toKeyValues(v.KeyValueList),
  };
}

/** Keys in upstream's JSON order, so a client that prints the object shows it as spider's REST would. */
export function fromVmMessage(m: spider.VmInfo): VMInfo {
  return {
    IId: fromIid(m.iid),
    StartTime: m.startTime,
    Region: { Region: m.region?.region ?? '', ...present('Zone', m.region?.zone) },
    ImageType: m.imageType as ImageType,
    ImageIId: fromIid(m.imageIid),
    VMSpecName: m.vmSpecName,
    VpcIID: fromIid(m.vpcIid),
    SubnetIID: fromIid(m.subnetIid),
    SecurityGroupIIds: m.securityGroupIids.map(fromIid),
    KeyPairIId: fromIid(m.keyPairIid),
    RootDiskType: m.rootDiskType,
    RootDiskSize: m.rootDiskSize,
    RootDeviceName: m.rootDeviceName,
    ...nonEmpty('DataDiskIIDs', m.dataDiskIids.map(fromIid)),
    ...present('VMBootDisk', m.vmBootDisk),
    ...present('VMBlockDisk', m.vmBlockDisk),
    VMUserId: m.vmUserId,
    ...present('VMUserPasswd', m.vmUserPasswd),
    ...nonEmpty('NICs', m.nics.map(fromNicMessage)),
    NetworkInterface: m.networkInterface,
    PublicIP: m.publicIp,
    ...nonEmpty('PublicIPs', m.publicIps),
    ...present('PublicDNS', m.publicDns),
    PrivateIP: m.privateIp,
    ...nonEmpty('PrivateIPs', m.privateIps),
    ...present('PrivateDNS', m.privateDns),
    Platform: m.platform,
    ...present('SSHAccessPoint', m.sshAccessPoint),
    AccessPoint: m.accessPoint,
    ...fromTagsAndKeyValues(m),
  };
}

export function toVmStatusMessage(s: VMStatusInfo): Init<typeof spider.VmStatusInfoSchema> {
  return { iid: toIid(s.IId), vmStatus: s.VmStatus };
}

export function fromVmStatusMessage(m: spider.VmStatusInfo): VMStatusInfo {
  return { IId: fromIid(m.iid), VmStatus: m.vmStatus as VMStatus };
}

export function toDiskMessage(d: DiskInfo): Init<typeof spider.DiskInfoSchema> {
  return {
    iid: toIid(d.IId),
    zone: d.Zone,
    diskType: d.DiskType,
    diskSize: d.DiskSize,
    status: d.Status,
    ownerVm: toIid(d.OwnerVM),
    createdTime: d.CreatedTime,
    tagList: toKeyValues(d.TagList),
    keyValueList: toKeyValues(d.KeyValueList),
  };
}

export function fromDiskMessage(m: spider.DiskInfo): DiskInfo {
  return {
    IId: fromIid(m.iid),
    Zone: m.zone,
    DiskType: m.diskType,
    DiskSize: m.diskSize,
    Status: m.status as DiskStatus,
    ...present('OwnerVM', m.ownerVm && fromIid(m.ownerVm)),
    CreatedTime: m.createdTime,
    ...fromTagsAndKeyValues(m),
  };
}
