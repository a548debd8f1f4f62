/**
 * Upstream's Integrated ID. `NameId` is the name the driver was given (spider's spXID on create),
 * `SystemId` the cloud's own id. Field names are upstream's JSON names, kept byte-compatible.
 */
export interface IID {
  NameId: string;
  SystemId: string;
}

export interface KeyValue {
  Key: string;
  Value: string;
}

export function iid(NameId: string, SystemId = ''): IID {
  return { NameId, SystemId };
}

/** Reads a key/value list the way upstream does: the first entry whose key matches, ignoring case. */
export function keyValueOf(list: readonly KeyValue[] | undefined, key: string): string | undefined {
  const wanted = key.toLowerCase();
  return list?.find((kv) => kv.Key.toLowerCase() === wanted)?.Value;
}
