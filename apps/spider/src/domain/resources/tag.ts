import { type KeyValue, RESOURCE_TYPES, type ResourceType, type TagHandler } from '@cb/driver-sdk';
import { InvalidArgumentError } from '@cb/errors';
import type { IidKind } from '../../store/resources';
import { required } from '../calls';
import { type ConnectionScope, driverIid } from './connection-scope';

/** Upstream's RSTypeString: the human label `GET /tag` answers as `resourceType`. */
const LABELS: Partial<Record<ResourceType, string>> = {
  all: 'All Resources',
  image: 'VM Image',
  vpc: 'VPC',
  subnet: 'Subnet',
  sg: 'Security Group',
  keypair: 'VM KeyPair',
  vm: 'VM',
  nlb: 'Network Load Balancer',
  disk: 'Disk',
  myimage: 'MyImage',
  cluster: 'Kubernetes Cluster',
  nodegroup: 'Kubernetes NodeGroup',
  filesystem: 'FileSystem',
};

/** The resource types spider keeps names for, so that a tag can be put on one by its name. */
const TAGGABLE: Partial<Record<ResourceType, IidKind>> = {
  vpc: 'vpc',
  subnet: 'subnet',
  sg: 'sg',
  keypair: 'keypair',
  vm: 'vm',
  nlb: 'nlb',
  disk: 'disk',
  myimage: 'myimage',
  cluster: 'cluster',
  nodegroup: 'nodegroup',
};

/** Upstream's StringToRSType: case-insensitive, and its error text for anything else. */
export function resourceTypeOf(text: string): ResourceType {
  const lower = text.toLowerCase();
  if (!(RESOURCE_TYPES as readonly string[]).includes(lower)) {
    throw new InvalidArgumentError(`${lower} is not a valid resource type`, { field: 'ResourceType' });
  }
  return lower as ResourceType;
}

export const resourceTypeLabel = (type: ResourceType) => LABELS[type] ?? type;

const handler = (scope: ConnectionScope) => (cloud: { tag(): TagHandler | undefined }) =>
  required(cloud.tag(), 'tags', scope.provider);

/** The cloud's IID of the user's resource (a subnet or node group is found under whichever owner has it). */
async function resourceIid(scope: ConnectionScope, type: ResourceType, name: string) {
  const kind = TAGGABLE[type];
  if (!kind) {
    throw new InvalidArgumentError(`tags on resource type '${type}' are not supported`, { field: 'ResourceType' });
  }
  return driverIid(await scope.row(kind, name));
}

const label = (type: ResourceType, name: string, operation: string) => ({
  resourceType: type,
  resourceName: name,
  operation,
});

/** Tags on the user's resources, named by resource type and the user's name. */
export const tags = {
  async add(scope: ConnectionScope, type: ResourceType, name: string, tag: KeyValue): Promise<KeyValue> {
    const iid = await resourceIid(scope, type, name);
    return scope.call(label(type, name, 'addTag'), (c) => handler(scope)(c).addTag(type, iid, tag));
  },

  async list(scope: ConnectionScope, type: ResourceType, name: string): Promise<KeyValue[]> {
    const iid = await resourceIid(scope, type, name);
    return scope.call(label(type, name, 'listTag'), (c) => handler(scope)(c).listTag(type, iid));
  },

  async get(scope: ConnectionScope, type: ResourceType, name: string, key: string): Promise<KeyValue> {
    const iid = await resourceIid(scope, type, name);
    return scope.call(label(type, name, 'getTag'), (c) => handler(scope)(c).getTag(type, iid, key));
  },

  async remove(scope: ConnectionScope, type: ResourceType, name: string, key: string): Promise<boolean> {
    const iid = await resourceIid(scope, type, name);
    return scope.call(label(type, name, 'removeTag'), (c) => handler(scope)(c).removeTag(type, iid, key));
  },
};
