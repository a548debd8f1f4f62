import type { IID } from '@cb/driver-sdk';
import type { spider } from '@cb/proto';
import type { AllList, AllListInfo, ManagedInfo, ManagedResourceType, VmUsingResources } from '../management-types';
import {
  fromDiskMessage,
  fromKeyPairMessage,
  fromVmMessage,
  toDiskMessage,
  toKeyPairMessage,
  toVmMessage,
} from './compute';
import { fromIid, type Init, toIid } from './common';
import { fromClusterMessage, toClusterMessage } from './cluster';
import { fromMyImageMessage, toMyImageMessage } from './my-image';
import { fromSecurityMessage, fromVpcMessage, toSecurityMessage, toVpcMessage } from './network';
import { fromNlbMessage, toNlbMessage } from './nlb';

/* The management calls' shapes: all-lists and a resource of any managed kind <-> cb.spider.v1 message. */

type ResourceInfoInit = Init<typeof spider.ResourceInfoSchema>;
type Case = NonNullable<spider.ResourceInfo['info']['case']>;

/** The `ResourceInfo.info` case of each managed kind, and its mappers both ways. */
const KINDS: {
  [T in ManagedResourceType]: {
    case: Case;
    to(info: ManagedInfo[T]): ResourceInfoInit;
    from(value: never): ManagedInfo[T];
  };
} = {
  vpc: { case: 'vpc', to: (i) => ({ info: { case: 'vpc', value: toVpcMessage(i) } }), from: fromVpcMessage },
  securitygroup: {
    case: 'securityGroup',
    to: (i) => ({ info: { case: 'securityGroup', value: toSecurityMessage(i) } }),
    from: fromSecurityMessage,
  },
  keypair: {
    case: 'keyPair',
    to: (i) => ({ info: { case: 'keyPair', value: toKeyPairMessage(i) } }),
    from: fromKeyPairMessage,
  },
  vm: { case: 'vm', to: (i) => ({ info: { case: 'vm', value: toVmMessage(i) } }), from: fromVmMessage },
  disk: { case: 'disk', to: (i) => ({ info: { case: 'disk', value: toDiskMessage(i) } }), from: fromDiskMessage },
  myimage: {
    case: 'myImage',
    to: (i) => ({ info: { case: 'myImage', value: toMyImageMessage(i) } }),
    from: fromMyImageMessage,
  },
  nlb: { case: 'nlb', to: (i) => ({ info: { case: 'nlb', value: toNlbMessage(i) } }), from: fromNlbMessage },
  cluster: {
    case: 'cluster',
    to: (i) => ({ info: { case: 'cluster', value: toClusterMessage(i) } }),
    from: fromClusterMessage,
  },
};

export function toResourceInfoMessage<T extends ManagedResourceType>(type: T, info: ManagedInfo[T]): ResourceInfoInit {
  return KINDS[type].to(info);
}

/** The resource in `m`, which must be of `type`: another kind (or none) is a broken peer. */
export function fromResourceInfoMessage<T extends ManagedResourceType>(
  type: T,
  m: spider.ResourceInfo,
): ManagedInfo[T] {
  const kind = KINDS[type];
  if (m.info.case !== kind.case) throw new Error(`spider answered a ${m.info.case ?? 'empty'} resource for ${type}`);
  return kind.from(m.info.value as never);
}

const toIids = (list: readonly IID[]) => list.map((iid) => toIid(iid)!);

export function toAllListMessage(l: AllList): Init<typeof spider.AllListSchema> {
  return {
    mappedList: toIids(l.MappedList),
    onlySpiderList: toIids(l.OnlySpiderList),
    onlyCspList: toIids(l.OnlyCSPList),
  };
}

export function fromAllListMessage(m: spider.AllList | undefined): AllList {
  return {
    MappedList: (m?.mappedList ?? []).map(fromIid),
    OnlySpiderList: (m?.onlySpiderList ?? []).map(fromIid),
    OnlyCSPList: (m?.onlyCspList ?? []).map(fromIid),
  };
}

export function toAllListInfoMessage<T extends ManagedResourceType>(
  type: T,
  l: AllListInfo<ManagedInfo[T]>,
): Init<typeof spider.ListAllResourceInfosResponseSchema> {
  const { MappedInfoList, OnlySpiderList, OnlyCSPInfoList } = l.AllListInfo;
  return {
    resourceType: l.ResourceType,
    allListInfo: {
      mappedInfoList: MappedInfoList.map((info) => toResourceInfoMessage(type, info)),
      onlySpiderList: toIids(OnlySpiderList),
      onlyCspInfoList: OnlyCSPInfoList.map((info) => toResourceInfoMessage(type, info)),
    },
  };
}

export function fromAllListInfoMessage<T extends ManagedResourceType>(
  type: T,
  m: spider.ListAllResourceInfosResponse,
): AllListInfo<ManagedInfo[T]> {
  const list = m.allListInfo;
  return {
    ResourceType: m.resourceType,
    AllListInfo: {
      MappedInfoList: (list?.mappedInfoList ?? []).map((info) => fromResourceInfoMessage(type, info)),
      OnlySpiderList: (list?.onlySpiderList ?? []).map(fromIid),
      OnlyCSPInfoList: (list?.onlyCspInfoList ?? []).map((info) => fromResourceInfoMessage(type, info)),
    },
  };
}

export function toVmUsingResourcesMessage(r: VmUsingResources): Init<typeof spider.GetVmUsingResourcesResponseSchema> {
  return { vpc: toIid(r.VPC), sgList: toIids(r.SGList), vmKey: toIid(r.VMKey) };
}

export function fromVmUsingResourcesMessage(m: spider.GetVmUsingResourcesResponse): VmUsingResources {
  return { VPC: fromIid(m.vpc), SGList: m.sgList.map(fromIid), VMKey: fromIid(m.vmKey) };
}
