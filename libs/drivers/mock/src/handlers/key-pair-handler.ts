import type { IID, KeyPairHandler, KeyPairInfo, KeyPairReqInfo } from '@cb/driver-sdk';
import type { MockEnv } from './mock-env';
import { requireName } from './vpc-handler';

/** Upstream's fixed fake key material; the private key is answered at creation only. */
export class MockKeyPairHandler implements KeyPairHandler {
  constructor(private readonly env: MockEnv) {}

  async createKey(req: KeyPairReqInfo): Promise<KeyPairInfo> {
    requireName(req.IId, 'key pair');
    const stored = this.env.cloud.keyPairs.insert({
      IId: { NameId: req.IId.NameId, SystemId: req.IId.NameId },
      Fingerprint: 'XXXXFingerprint',
      PublicKey: 'XXXXPublicKey',
      VMUserID: 'cb-user',
      ...(req.TagList?.length ? { TagList: req.TagList } : {}),
    });
    return { ...stored, PrivateKey: 'XXXXPrivateKey' };
  }

  async listKey(): Promise<KeyPairInfo[]> {
    return this.env.cloud.keyPairs.list();
  }

  async getKey(keyIID: IID): Promise<KeyPairInfo> {
    return this.env.cloud.keyPairs.get(keyIID);
  }

  async deleteKey(keyIID: IID): Promise<boolean> {
    this.env.cloud.keyPairs.delete(keyIID);
    return true;
  }

  async listIID(): Promise<IID[]> {
    return this.env.cloud.keyPairs.iids();
  }
}
