import { type DescMessage, fromJson, toJson, type JsonValue, type MessageInitShape } from '@bufbuild/protobuf';
import { ValueSchema, type Value } from '@bufbuild/protobuf/wkt';
import type { IID, KeyValue } from '@cb/driver-sdk';
import { common } from '@cb/proto';

/*
 * The small pieces every cb.spider.v1 mapper shares. Domain objects use upstream's JSON names
 * (IId.NameId, KeyValueList, ...); messages use the same names in snake_case (iid.name_id, key_value_list).
 * Upstream omits empty optional fields (Go's omitempty), so the mappers back to domain shapes leave
 * empty lists and unset optionals out instead of filling them with [] or ''.
 */

/** Mappers build init shapes (plain objects); the gRPC glue completes them when it serializes. */
export type Init<S extends DescMessage> = MessageInitShape<S>;
type IidInit = Init<typeof common.IIDSchema>;
type KeyValueInit = Init<typeof common.KeyValueSchema>;

export function toIid(value: IID | undefined): IidInit | undefined {
  return value ? { nameId: value.NameId, systemId: value.SystemId } : undefined;
}

/** An IID message back to upstream's shape; a missing one is the empty IID, as Go's zero value. */
export function fromIid(value: common.IID | undefined): IID {
  return { NameId: value?.nameId ?? '', SystemId: value?.systemId ?? '' };
}

export function toKeyValues(list: readonly KeyValue[] | undefined): KeyValueInit[] {
  return (list ?? []).map((kv) => ({ key: kv.Key, value: kv.Value }));
}

export function fromKeyValues(list: readonly common.KeyValue[]): KeyValue[] {
  return list.map((kv) => ({ Key: kv.key, Value: kv.value }));
}

/** `{ [key]: list }` when the list has entries, `{}` otherwise: spread it into a domain object. */
export function nonEmpty<K extends string, T>(key: K, list: readonly T[]): { [P in K]?: T[] } {
  return (list.length > 0 ? { [key]: [...list] } : {}) as { [P in K]?: T[] };
}

/** `{ [key]: value }` when the value is set, `{}` otherwise. */
export function present<K extends string, T>(key: K, value: T | undefined): { [P in K]?: T } {
  return (value !== undefined ? { [key]: value } : {}) as { [P in K]?: T };
}

/** Upstream's free-form `KeyValueList` / `TagList` pair, back to domain shape. */
export function fromTagsAndKeyValues(message: { tagList: common.KeyValue[]; keyValueList: common.KeyValue[] }): {
  TagList?: KeyValue[];
  KeyValueList?: KeyValue[];
} {
  return {
    ...nonEmpty('TagList', fromKeyValues(message.tagList)),
    ...nonEmpty('KeyValueList', fromKeyValues(message.keyValueList)),
  };
}

/** Raw cloud JSON (CSPProductInfo, CSPPriceInfo) travels as google.protobuf.Value. */
export function toJsonValue(value: unknown): Value | undefined {
  return value === undefined ? undefined : fromJson(ValueSchema, value as JsonValue);
}

export function fromJsonValue(value: Value | undefined): unknown {
  return value === undefined ? undefined : toJson(ValueSchema, value);
}
