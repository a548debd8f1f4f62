import type { KeyValue, Price } from '@cb/driver-sdk';
import { InvalidArgumentError } from '@cb/errors';
import { Router, type Request, type Response } from 'express';
import { driverCatalog } from '../../../domain/resources/driver-catalog';
import type { PreconfigRuntime } from '../../../domain/resources/preconfig';
import { PRICE_FILTER_KEYS, PriceFilter } from '../../../domain/resources/price-filter';
import type { ResourceRuntime } from '../../../domain/resources/resource-runtime';
import { driverCatalogs } from '../../grpc/driver-catalogs';
import { clientGone, sendJsonList } from './json-stream';
import { connectionNameOf } from './request';

/**
 * Region/zone, image, VM spec and price catalogs, and the driver's capabilities: read from the cloud on
 * each call (upstream keeps no catalog either). Images, specs and prices stream to the client.
 */
export function catalogRoutes(runtime: ResourceRuntime, preconfig: PreconfigRuntime): Router {
  const router = Router();
  const catalogs = driverCatalogs(runtime);
  const name = (req: Request) => connectionNameOf(req) ?? '';
  const scopeOf = (req: Request) => runtime.scope(connectionNameOf(req));

  router.get('/regionzone', async (req, res) => {
    res.json({ regionzone: await catalogs.listRegionZones(name(req)) });
  });
  router.get('/regionzone/:Name', async (req, res) => {
    res.json(await catalogs.getRegionZone(name(req), req.params.Name));
  });
  router.get('/orgregion', async (req, res) => {
    res.json({ RegionInfo: await driverCatalog.orgRegions(await scopeOf(req)) });
  });
  router.get('/orgzone', async (req, res) => {
    res.json({ ZoneInfo: await driverCatalog.orgZones(await scopeOf(req)) });
  });

  // Before any connection exists: a driver and a credential are enough (upstream's default-connection-helper).
  const preconfigScope = (req: Request) => preconfig.scope(param(req, 'DriverName'), param(req, 'CredentialName'));
  const preconfigCatalogs = async (req: Request) => {
    const scope = await preconfigScope(req);
    return driverCatalogs({ scope: async () => scope } as Pick<ResourceRuntime, 'scope'> as ResourceRuntime);
  };
  router.get('/preconfig/regionzone', async (req, res) => {
    res.json({ regionzone: await (await preconfigCatalogs(req)).listRegionZones('') });
  });
  router.get('/preconfig/regionzone/:Name', async (req, res) => {
    res.json(await (await preconfigCatalogs(req)).getRegionZone('', req.params.Name as string));
  });
  router.get('/preconfig/orgregion', async (req, res) => {
    res.json({ RegionInfo: await driverCatalog.orgRegions(await preconfigScope(req)) });
  });

  router.get('/vmimage', async (req, res) => {
    await sendJsonList(res, 'image', catalogs.listImages(name(req), clientGone(req, res)));
  });
  router.get('/vmimage/:Name', async (req, res) => {
    res.json(await catalogs.getImage(name(req), req.params.Name));
  });
  router.get('/vmspec', async (req, res) => {
    await sendJsonList(res, 'vmspec', catalogs.listSpecs(name(req), clientGone(req, res)));
  });
  router.get('/vmspec/:Name', async (req, res) => {
    res.json(await catalogs.getSpec(name(req), req.params.Name));
  });
  router.get('/vmorgspec', async (req, res) => {
    res.json({ VMSpecInfo: await driverCatalog.orgSpecs(await scopeOf(req)) });
  });
  router.get('/vmorgspec/:Name', async (req, res) => {
    res.json({ VMSpecInfo: await driverCatalog.orgSpec(await scopeOf(req), req.params.Name) });
  });

  router.get('/productfamily/:RegionName', async (req, res) => {
    res.json({ productfamily: await catalogs.listProductFamilies(name(req), req.params.RegionName) });
  });
  const vmPrices = async (req: Request, res: Response) => {
    const filter = PriceFilter.of(priceFilterOf(req));
    const info = await catalogs.getPriceInfo(name(req), req.params.RegionName as string, {
      simple: 'simple' in req.query,
      filter: [],
    });
    const { PriceList, ...head } = info;
    const prices: AsyncIterable<Price> = filter.empty ? PriceList : filter.apply(PriceList);
    await sendJsonList(res, 'PriceList', prices, head);
  };
  router.get('/priceinfo/vm/:RegionName', vmPrices);
  router.post('/priceinfo/vm/:RegionName', vmPrices);

  router.get('/driver/capability', async (req, res) => {
    res.json(driverCatalog.capability(await scopeOf(req)));
  });
  return router;
}

/** A query parameter, or the same key of the JSON body (upstream reads these GETs from either). */
function param(req: Request, key: string): string | undefined {
  const query = req.query[key];
  if (typeof query === 'string' && query.trim()) return query;
  const body = req.body as Record<string, unknown> | undefined;
  return typeof body?.[key] === 'string' ? (body[key] as string) : undefined;
}

/**
 * The price filter: the body's `FilterList` of {Key, Value}, plus any known filter key in the query
 * (`?VMSpecName=a&VMSpecName=b`). Other query keys (ConnectionName, simple, pretty) are not filters.
 */
function priceFilterOf(req: Request): KeyValue[] {
  const body = req.body as { FilterList?: unknown } | undefined;
  const list = body?.FilterList ?? [];
  if (!Array.isArray(list) || list.some((kv) => typeof kv?.Key !== 'string' || typeof kv?.Value !== 'string')) {
    throw new InvalidArgumentError('FilterList must be a list of {"Key": string, "Value": string}', {
      field: 'FilterList',
    });
  }
  const filter: KeyValue[] = [...(list as KeyValue[])];
  for (const [key, value] of Object.entries(req.query)) {
    const known = PRICE_FILTER_KEYS.find((k) => k.toLowerCase() === key.toLowerCase());
    if (!known) continue;
    for (const v of [value].flat()) if (typeof v === 'string') filter.push({ Key: known, Value: v });
  }
  return filter;
}
