import type { CloudPriceStream, ImageInfo, KeyValue, Price, RegionZoneInfo, VMSpecInfo } from '@cb/driver-sdk';
import { type CallOptions, createGrpcClient, type GrpcClient, type GrpcClientOptions } from '@cb/grpc';
import { spider } from '@cb/proto';
import type { ConnectionConfigInfo } from './types';
import { streamPrices } from './price-stream';
import * as wire from './wire';

export interface SpiderClientOptions extends GrpcClientOptions {
  /** Deadline of a whole list stream (images, specs, prices, VMs) unless the call says otherwise; default 10 min. */
  streamDeadlineMs?: number;
}

export interface StreamOptions extends CallOptions {
  /** Records per message on the wire (the server's default is 100); the iterable still yields one record at a time. */
  batchSize?: number;
}

export interface PriceQuery extends StreamOptions {
  /** Empty = the VM product family of the connection's cloud. */
  productFamily?: string;
  /** Products name their spec instead of embedding it (upstream's `?simple`). */
  simple?: boolean;
  filter?: KeyValue[];
}

type Service = typeof spider.SpiderService;

/**
 * spider's read-only side over gRPC: connection configs, regions/zones and the catalogs (images, specs,
 * prices), which is all mc-meta needs. Results are upstream-shaped (@cb/driver-sdk types), never protobuf
 * messages. Failures reject with @cb/errors (NotFoundError, InvalidArgumentError, ...) carrying spider's
 * message; unary calls are retried on UNAVAILABLE; leaving a list loop early cancels the stream.
 */
export class SpiderCatalogClient {
  protected readonly grpc: GrpcClient<Service>;
  private readonly streamDeadlineMs: number;

  constructor(address: string, options: SpiderClientOptions = {}) {
    const { streamDeadlineMs = 10 * 60_000, ...grpcOptions } = options;
    this.grpc = createGrpcClient(spider.SpiderService, address, {
      ...grpcOptions,
      // The largest batch spider streams (5,000 VMs) passes grpc's 4 MB default.
      channelOptions: { 'grpc.max_receive_message_length': 64 * 1024 * 1024, ...grpcOptions.channelOptions },
    });
    this.streamDeadlineMs = streamDeadlineMs;
  }

  close(): void {
    this.grpc.close();
  }

  // ---- connection configs, regions

  async listConnectionConfigs(options?: CallOptions): Promise<ConnectionConfigInfo[]> {
    const { connectionConfigs } = await this.grpc.listConnectionConfigs({}, options);
    return connectionConfigs.map(wire.fromConnectionConfigMessage);
  }

  async getConnectionConfig(configName: string, options?: CallOptions): Promise<ConnectionConfigInfo> {
    const { connectionConfig } = await this.grpc.getConnectionConfig({ configName }, options);
    return wire.fromConnectionConfigMessage(required(connectionConfig, 'connection_config'));
  }

  async listRegionZones(connectionName: string, options?: CallOptions): Promise<RegionZoneInfo[]> {
    const { regionZones } = await this.grpc.listRegionZones({ connectionName }, options);
    return regionZones.map(wire.fromRegionZoneMessage);
  }

  async getRegionZone(connectionName: string, name: string, options?: CallOptions): Promise<RegionZoneInfo> {
    const { regionZone } = await this.grpc.getRegionZone({ connectionName, name }, options);
    return wire.fromRegionZoneMessage(required(regionZone, 'region_zone'));
  }

  // ---- catalogs (streamed)

  async *listImages(connectionName: string, options: StreamOptions = {}): AsyncIterable<ImageInfo> {
    const request = { connectionName, batchSize: options.batchSize ?? 0 };
    for await (const { images } of this.grpc.listImages(request, this.streamOptions(options))) {
      for (const image of images) yield wire.fromImageMessage(image);
    }
  }

  async getImage(connectionName: string, name: string, options?: CallOptions): Promise<ImageInfo> {
    const { image } = await this.grpc.getImage({ connectionName, name }, options);
    return wire.fromImageMessage(required(image, 'image'));
  }

  async *listSpecs(connectionName: string, options: StreamOptions = {}): AsyncIterable<VMSpecInfo> {
    const request = { connectionName, batchSize: options.batchSize ?? 0 };
    for await (const { specs } of this.grpc.listSpecs(request, this.streamOptions(options))) {
      for (const spec of specs) yield wire.fromSpecMessage(spec);
    }
  }

  async getSpec(connectionName: string, name: string, options?: CallOptions): Promise<VMSpecInfo> {
    const { spec } = await this.grpc.getSpec({ connectionName, name }, options);
    return wire.fromSpecMessage(required(spec, 'spec'));
  }

  async listProductFamilies(connectionName: string, regionName: string, options?: CallOptions): Promise<string[]> {
    const { productFamilies } = await this.grpc.listProductFamilies({ connectionName, regionName }, options);
    return productFamilies;
  }

  /** The prices of a region, one at a time. */
  async *listPrices(connectionName: string, regionName: string, query: PriceQuery = {}): AsyncIterable<Price> {
    yield* (await this.getPriceInfo(connectionName, regionName, query)).PriceList;
  }

  /** Upstream's CloudPrice, with its PriceList streaming: resolves once the header (meta, cloud, region) arrived. */
  getPriceInfo(connectionName: string, regionName: string, query: PriceQuery = {}): Promise<CloudPriceStream> {
    const responses = this.grpc.listPrices(
      {
        connectionName,
        regionName,
        productFamily: query.productFamily ?? '',
        simple: query.simple ?? false,
        filterList: wire.toKeyValues(query.filter),
        batchSize: query.batchSize ?? 0,
      },
      this.streamOptions(query),
    );
    return streamPrices(responses);
  }

  /** Catalog streams get a long deadline of their own: a million images take a while. */
  protected streamOptions(options: CallOptions): CallOptions {
    return { ...options, deadlineMs: options.deadlineMs ?? this.streamDeadlineMs };
  }
}

/** A response field the server must always set; its absence is a broken peer, not a domain error. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`spider answered without ${what}`);
  return value;
}
