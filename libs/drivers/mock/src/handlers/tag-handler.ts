import { DriverError, type IID, type KeyValue, type ResourceType, type TagHandler, type TagInfo } from '@cb/driver-sdk';
import type { ResourceTable } from '../state/resource-table';
import type { MockEnv } from './mock-env';

/** The resource types whose records carry a TagList here (upstream's mock list). */
export const TAGGABLE: ResourceType[] = ['vpc', 'subnet', 'sg', 'keypair', 'vm', 'nlb', 'disk', 'myimage', 'cluster'];

interface Tagged {
  IId: IID;
  TagList?: KeyValue[];
}

export class MockTagHandler implements TagHandler {
  constructor(private readonly env: MockEnv) {}

  async addTag(resType: ResourceType, resIID: IID, tag: KeyValue): Promise<KeyValue> {
    if (!tag.Key) throw new DriverError('INVALID_ARGUMENT', 'tag key is empty');
    const resource = this.resource(resType, resIID);
    resource.TagList = [...(resource.TagList ?? []).filter((t) => t.Key !== tag.Key), { ...tag }];
    return { ...tag };
  }

  async listTag(resType: ResourceType, resIID: IID): Promise<KeyValue[]> {
    return structuredClone(this.resource(resType, resIID).TagList ?? []);
  }

  async getTag(resType: ResourceType, resIID: IID, key: string): Promise<KeyValue> {
    const tag = this.resource(resType, resIID).TagList?.find((t) => t.Key === key);
    if (!tag) throw new DriverError('NOT_FOUND', `tag '${key}' does not exist on ${resType} '${resIID.NameId}'`);
    return { ...tag };
  }

  async removeTag(resType: ResourceType, resIID: IID, key: string): Promise<boolean> {
    const resource = this.resource(resType, resIID);
    if (!resource.TagList?.some((t) => t.Key === key)) {
      throw new DriverError('NOT_FOUND', `tag '${key}' does not exist on ${resType} '${resIID.NameId}'`);
    }
    resource.TagList = resource.TagList.filter((t) => t.Key !== key);
    return true;
  }

  async findTag(resType: ResourceType, keyword: string): Promise<TagInfo[]> {
    const types = resType === 'all' ? TAGGABLE : [resType];
    const found: TagInfo[] = [];
    for (const type of types) {
      for (const resource of this.all(type)) {
        const hits = (resource.TagList ?? []).filter((t) => t.Key.includes(keyword) || t.Value.includes(keyword));
        if (hits.length) found.push({ ResType: type, ResIId: { ...resource.IId }, TagList: structuredClone(hits) });
      }
    }
    return found;
  }

  private resource(resType: ResourceType, resIID: IID): Tagged {
    if (resType === 'subnet') {
      for (const vpc of this.env.cloud.vpcs.values()) {
        const subnet = vpc.SubnetInfoList.find((s) => s.IId.NameId === resIID.NameId);
        if (subnet) return subnet;
      }
      throw new DriverError('NOT_FOUND', `subnet '${resIID.NameId}' does not exist`);
    }
    return this.table(resType).ref(resIID);
  }

  private all(resType: ResourceType): Tagged[] {
    if (resType === 'subnet') return [...this.env.cloud.vpcs.values()].flatMap((v) => v.SubnetInfoList);
    return [...this.table(resType).values()];
  }

  private table(resType: ResourceType): ResourceTable<Tagged & { IId: IID }> {
    const { cloud } = this.env;
    const tables: Partial<Record<ResourceType, ResourceTable<Tagged>>> = {
      vpc: cloud.vpcs,
      sg: cloud.securityGroups,
      keypair: cloud.keyPairs,
      vm: cloud.vms,
      nlb: cloud.nlbs,
      disk: cloud.disks,
      myimage: cloud.myImages,
      cluster: cloud.clusters,
    };
    const table = tables[resType];
    if (!table) throw new DriverError('UNSUPPORTED', `tags on resource type '${resType}' are not supported`);
    return table;
  }
}
