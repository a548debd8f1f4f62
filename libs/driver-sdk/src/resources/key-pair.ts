import type { IID, KeyValue } from './iid';

export interface KeyPairReqInfo {
  IId: IID;
  TagList?: KeyValue[];
}

/** `PrivateKey` is only ever present in the answer to createKey. */
export interface KeyPairInfo {
  IId: IID;
  Fingerprint?: string;
  PublicKey?: string;
  PrivateKey?: string;
  VMUserID?: string;
  TagList?: KeyValue[];
  KeyValueList?: KeyValue[];
}
