import type { ImageInfo, VMSpecInfo } from '@cb/driver-sdk';
import { InvalidArgumentError, NotFoundError } from '@cb/errors';
import type { SpiderClient } from '@cb/spider-client';
import type { Connection } from '../connection/connection';
import type { ConnectionCatalog } from '../connection/connection-catalog';
import { checkName } from '../namespace/name-rules';
import { SYSTEM_NAMESPACE } from '../namespace/namespace';
import type { NamespaceService } from '../namespace/namespace-service';
import type { SpecImageStore } from './resource-store';
import { toImageRecord, toSpecRecord } from './spider-catalog-mappers';

export interface FetchOption {
  targetProviders?: string[];
  excludedProviders?: string[];
  /** Ours: fetch one connection only. */
  connectionName?: string;
}

type Kind = 'spec' | 'image';

/**
 * Specs and images: loaded from spider (prices and region coordinates joined in) into the system
 * namespace, registered one by one into any namespace, and looked up in spider directly.
 */
export class SpecImageCatalog {
  constructor(
    private readonly spider: SpiderClient,
    private readonly store: SpecImageStore,
    private readonly connections: ConnectionCatalog,
    private readonly namespaces: NamespaceService,
    private readonly logger: { warn(object: object, message?: string): void },
  ) {}

  async get(kind: Kind, nsId: string, id: string): Promise<Record<string, unknown>> {
    await this.namespaces.require(nsId);
    const record = await this.store.find(kind, nsId, id.toLowerCase());
    if (!record) throw new NotFoundError(`The ${kind} ${id} does not exist in namespace ${nsId}`, { id });
    return record.info;
  }

  async list(kind: Kind, nsId: string): Promise<Record<string, unknown>[]> {
    return (await this.store.list(kind, nsId)).map((record) => record.info);
  }

  async delete(kind: Kind, nsId: string, id: string): Promise<void> {
    if (!(await this.store.remove(kind, nsId, id.toLowerCase()))) {
      throw new NotFoundError(`The ${kind} ${id} does not exist in namespace ${nsId}`, { id });
    }
  }

  /** `POST /ns/{ns}/resources/spec|image`: one spec or image read from spider and stored under the user's name. */
  async register(
    kind: Kind,
    nsId: string,
    req: { name: string; connectionName: string; cspName: string; description?: string },
  ): Promise<Record<string, unknown>> {
    await this.namespaces.require(nsId);
    checkName(req.name);
    const connection = await this.connections.get(req.connectionName);
    const record =
      kind === 'spec'
        ? toSpecRecord(
            nsId,
            connection,
            await this.spider.getSpec(req.connectionName, req.cspName),
            await this.priceOf(connection, req.cspName),
          )
        : toImageRecord(
            nsId,
            connection,
            await this.spider.getImage(req.connectionName, req.cspName),
            new Date().toISOString(),
          );
    record.id = req.name.toLowerCase();
    record.info = {
      ...record.info,
      id: record.id,
      name: req.name,
      description: req.description ?? record.info.description,
    };
    await this.store.upsert(kind, [record]);
    return record.info;
  }

  fetchSpecs(option: FetchOption) {
    return this.fetch('spec', option);
  }

  fetchImages(option: FetchOption) {
    return this.fetch('image', option);
  }

  lookupSpec(connectionName: string, name: string): Promise<VMSpecInfo> {
    return this.spider.getSpec(connectionName, name);
  }

  async lookupSpecs(connectionName: string): Promise<VMSpecInfo[]> {
    const specs: VMSpecInfo[] = [];
    for await (const spec of this.spider.listSpecs(connectionName)) specs.push(spec);
    return specs;
  }

  lookupImage(connectionName: string, name: string): Promise<ImageInfo> {
    return this.spider.getImage(connectionName, name);
  }

  async lookupImages(connectionName: string): Promise<ImageInfo[]> {
    const images: ImageInfo[] = [];
    for await (const image of this.spider.listImages(connectionName)) images.push(image);
    return images;
  }

  /** Every selected connection in turn; one failing connection is reported, the others still load. */
  private async fetch(kind: Kind, option: FetchOption) {
    const started = Date.now();
    const selected = await this.selectConnections(option);
    const resultInDetail: Record<string, unknown>[] = [];
    let registered = 0;
    for (const connection of selected) {
      try {
        const records = kind === 'spec' ? await this.specsOf(connection) : await this.imagesOf(connection);
        await this.store.upsert(kind, records);
        registered += records.length;
        resultInDetail.push({
          connectionName: connection.configName,
          providerName: connection.providerName,
          regionName: connection.regionId,
          success: true,
          count: records.length,
        });
      } catch (error) {
        this.logger.warn(
          { connectionName: connection.configName, reason: (error as Error).message },
          `fetching ${kind}s failed`,
        );
        resultInDetail.push({
          connectionName: connection.configName,
          providerName: connection.providerName,
          regionName: connection.regionId,
          success: false,
          count: 0,
          message: (error as Error).message,
        });
      }
    }
    const succeeded = resultInDetail.filter((r) => r.success).length;
    return {
      namespaceId: SYSTEM_NAMESPACE,
      fetchOption: option,
      totalRegions: selected.length,
      succeedRegions: succeeded,
      failedRegions: selected.length - succeeded,
      [kind === 'spec' ? 'registeredSpecs' : 'registeredImages']: registered,
      elapsedTime: `${((Date.now() - started) / 1000).toFixed(1)}s`,
      startTime: new Date(started).toISOString(),
      inProgress: false,
      resultInDetail,
    };
  }

  private async selectConnections(option: FetchOption): Promise<Connection[]> {
    if (option.connectionName) return [await this.connections.get(option.connectionName)];
    const lower = (list?: string[]) => list?.map((p) => p.toLowerCase());
    const targets = lower(option.targetProviders);
    const excluded = lower(option.excludedProviders) ?? [];
    const all = await this.connections.list();
    const chosen = all.filter(
      (c) => (!targets?.length || targets.includes(c.providerName)) && !excluded.includes(c.providerName),
    );
    if (!chosen.length)
      throw new InvalidArgumentError('targetProviders: no connection config matches the fetch option');
    return chosen;
  }

  private async specsOf(connection: Connection) {
    const prices = await this.pricesOf(connection);
    const records = [];
    for await (const spec of this.spider.listSpecs(connection.configName)) {
      records.push(toSpecRecord(SYSTEM_NAMESPACE, connection, spec, prices.get(spec.Name) ?? -1));
    }
    return records;
  }

  private async imagesOf(connection: Connection) {
    const now = new Date().toISOString();
    const records = [];
    for await (const image of this.spider.listImages(connection.configName)) {
      records.push(toImageRecord(SYSTEM_NAMESPACE, connection, image, now));
    }
    return records;
  }

  private async priceOf(connection: Connection, specName: string): Promise<number> {
    return (await this.pricesOf(connection)).get(specName) ?? -1;
  }

  /** On-demand hourly price per spec name in the connection's region; none known → cost -1, as upstream. */
  private async pricesOf(connection: Connection): Promise<Map<string, number>> {
    const prices = new Map<string, number>();
    try {
      const cloudPrice = await this.spider.getPriceInfo(connection.configName, connection.regionId);
      for await (const price of cloudPrice.PriceList) {
        const name = price.ProductInfo.VMSpecName || price.ProductInfo.VMSpecInfo?.Name;
        const value = Number(price.PriceInfo.OnDemand.Price);
        if (!name || !Number.isFinite(value) || value < 0) continue;
        prices.set(name, Math.min(prices.get(name) ?? value, value));
      }
    } catch (error) {
      this.logger.warn({ connectionName: connection.configName, reason: (error as Error).message }, 'no prices');
    }
    return prices;
  }
}
