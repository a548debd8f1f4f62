import type { IID, KeyValue } from './iid';

export type MyImageStatus = 'Available' | 'Unavailable';

export interface MyImageReqInfo {
  IId: IID;
  SourceVM: IID;
  TagList?: KeyValue[];
}

export interface MyImageInfo {
  IId: IID;
  SourceVM: IID;
  Status: MyImageStatus;
  CreatedTime: string;
  TagList?: KeyValue[];
  KeyValueList?: KeyValue[];
}
