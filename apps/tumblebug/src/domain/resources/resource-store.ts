import type { EntityManager } from 'typeorm';
import type { ResourceType } from './resource-types';

/** One MCIR object as stored: its wire-shaped `info` and, for sshKey, the sealed private key. */
export interface ResourceRecord {
  nsId: string;
  resourceType: ResourceType;
  id: string;
  uid: string;
  connectionName: string;
  info: Record<string, unknown>;
  /** Sealed by @cb/secrets; only sshKey has one. */
  privateKey?: string | null;
}

export interface ResourceStore {
  /** Inserts; AlreadyExistsError when the id is taken in the namespace (claims the name before the cloud call). */
  claim(record: ResourceRecord): Promise<void>;
  /** `manager`: the caller's transaction, when the write belongs to one. */
  save(record: ResourceRecord, manager?: EntityManager): Promise<void>;
  find(nsId: string, resourceType: ResourceType, id: string): Promise<ResourceRecord | undefined>;
  list(nsId: string, resourceType: ResourceType): Promise<ResourceRecord[]>;
  remove(nsId: string, resourceType: ResourceType, id: string, manager?: EntityManager): Promise<boolean>;
}

/** A spec or image row: the wire-shaped info plus the columns it is filtered by. */
export interface CatalogRecord {
  nsId: string;
  id: string;
  connectionName: string;
  providerName: string;
  regionName: string;
  cspName: string;
  info: Record<string, unknown>;
}

export interface SpecImageStore {
  upsert(kind: 'spec' | 'image', records: CatalogRecord[]): Promise<void>;
  find(kind: 'spec' | 'image', nsId: string, id: string): Promise<CatalogRecord | undefined>;
  list(kind: 'spec' | 'image', nsId: string): Promise<CatalogRecord[]>;
  remove(kind: 'spec' | 'image', nsId: string, id: string): Promise<boolean>;
}
