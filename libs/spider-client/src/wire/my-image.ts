import type { MyImageInfo, MyImageStatus } from '@cb/driver-sdk';
import type { spider } from '@cb/proto';
import { fromIid, fromTagsAndKeyValues, type Init, toIid, toKeyValues } from './common';

/* My-images (VM snapshots): upstream shape <-> cb.spider.v1 message. */

export function toMyImageMessage(i: MyImageInfo): Init<typeof spider.MyImageInfoSchema> {
  return {
    iid: toIid(i.IId),
    sourceVm: toIid(i.SourceVM),
    status: i.Status,
    createdTime: i.CreatedTime,
    tagList: toKeyValues(i.TagList),
    keyValueList: toKeyValues(i.KeyValueList),
  };
}

export function fromMyImageMessage(m: spider.MyImageInfo): MyImageInfo {
  return {
    IId: fromIid(m.iid),
    SourceVM: fromIid(m.sourceVm),
    Status: m.status as MyImageStatus,
    CreatedTime: m.createdTime,
    ...fromTagsAndKeyValues(m),
  };
}
