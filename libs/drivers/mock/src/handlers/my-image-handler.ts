import type { IID, MyImageHandler, MyImageInfo, MyImageReqInfo } from '@cb/driver-sdk';
import { type MockEnv, nowIso } from './mock-env';
import { requireName } from './vpc-handler';

/** A snapshot is Available at once, as upstream's mock. */
export class MockMyImageHandler implements MyImageHandler {
  constructor(private readonly env: MockEnv) {}

  async snapshotVM(req: MyImageReqInfo): Promise<MyImageInfo> {
    requireName(req.IId, 'my-image');
    const vm = this.env.cloud.vms.get(req.SourceVM);
    return this.env.cloud.myImages.insert({
      IId: { NameId: req.IId.NameId, SystemId: req.IId.NameId },
      SourceVM: vm.IId,
      Status: 'Available',
      CreatedTime: nowIso(this.env),
      ...(req.TagList?.length ? { TagList: req.TagList } : {}),
      KeyValueList: [{ Key: 'SourceImage', Value: vm.ImageIId.NameId }],
    });
  }

  async listMyImage(): Promise<MyImageInfo[]> {
    return this.env.cloud.myImages.list();
  }

  async getMyImage(myImageIID: IID): Promise<MyImageInfo> {
    return this.env.cloud.myImages.get(myImageIID);
  }

  async checkWindowsImage(myImageIID: IID): Promise<boolean> {
    const source = this.env.cloud.myImages.get(myImageIID).KeyValueList?.find((kv) => kv.Key === 'SourceImage')?.Value;
    if (!source) return false;
    try {
      return this.env.images.get({ NameId: source, SystemId: source }).OSPlatform === 'Windows';
    } catch {
      return false;
    }
  }

  async deleteMyImage(myImageIID: IID): Promise<boolean> {
    this.env.cloud.myImages.delete(myImageIID);
    return true;
  }

  async listIID(): Promise<IID[]> {
    return this.env.cloud.myImages.iids();
  }
}
