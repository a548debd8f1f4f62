import { call, ok, startSpider, startTumblebug, type SpiderUnderTest, type TumblebugUnderTest } from './mcis-harness';

jest.setTimeout(120_000);

const RESOURCE_TYPES = ['vNet', 'securityGroup', 'sshKey', 'image', 'spec', 'customImage', 'dataDisk'];

/** Upstream v0.12.5's routes for what tumblebug serves (tumblebug.md §2 to §7); `mci` ones also as `mcis`. */
const MCI_ROUTES = [
  'POST /ns/:nsId/mci',
  'GET /ns/:nsId/mci',
  'DELETE /ns/:nsId/mci',
  'POST /ns/:nsId/mciDynamic',
  'POST /ns/:nsId/mciDynamicReview',
  'GET /ns/:nsId/mci/:mciId',
  'DELETE /ns/:nsId/mci/:mciId',
  'GET /ns/:nsId/mci/:mciId/associatedResources',
  'POST /ns/:nsId/mci/:mciId/vm',
  'POST /ns/:nsId/mci/:mciId/subGroupDynamic',
  'GET /ns/:nsId/mci/:mciId/subgroup',
  'GET /ns/:nsId/mci/:mciId/subgroup/:subgroupId',
  'POST /ns/:nsId/mci/:mciId/subgroup/:subgroupId',
  'GET /ns/:nsId/mci/:mciId/vm/:vmId',
  'DELETE /ns/:nsId/mci/:mciId/vm/:vmId',
  'POST /ns/:nsId/mci/:mciId/vm/:vmId/snapshot',
  'GET /ns/:nsId/control/mci/:mciId',
  'GET /ns/:nsId/control/mci/:mciId/vm/:vmId',
];
const asMcis = (route: string) => route.replace(/mci(?=\/|Dynamic|$)/, 'mcis');

const ROUTES = [
  'GET /httpVersion',
  'GET /readyz',
  'POST /ns',
  'GET /ns',
  'GET /ns/:nsId',
  'PUT /ns/:nsId',
  'DELETE /ns/:nsId',
  'GET /checkNs/:nsId',
  'GET /connConfig',
  'GET /connConfig/:connConfigName',
  'GET /provider',
  'GET /region',
  'GET /provider/:providerName/region',
  'GET /provider/:providerName/region/:regionName',
  ...RESOURCE_TYPES.flatMap((type) => [
    `POST /ns/:nsId/resources/${type}`,
    `GET /ns/:nsId/resources/${type}`,
    `DELETE /ns/:nsId/resources/${type}`,
    `GET /ns/:nsId/resources/${type}/:resourceId`,
    `DELETE /ns/:nsId/resources/${type}/:resourceId`,
  ]),
  'POST /ns/:nsId/registerCspResource/vNet',
  'POST /ns/:nsId/resources/vNet/:vNetId/subnet',
  'GET /ns/:nsId/resources/vNet/:vNetId/subnet',
  'GET /ns/:nsId/resources/vNet/:vNetId/subnet/:subnetId',
  'DELETE /ns/:nsId/resources/vNet/:vNetId/subnet/:subnetId',
  'PUT /ns/:nsId/resources/securityGroup/:id',
  'POST /ns/:nsId/resources/securityGroup/:id/rules',
  'DELETE /ns/:nsId/resources/securityGroup/:id/rules',
  'POST /fetchSpecs',
  'POST /fetchImages',
  'POST /lookupSpec',
  'POST /lookupSpecs',
  'POST /lookupImage',
  'POST /lookupImages',
  'POST /recommendSpec',
  'GET /recommendSpecOptions',
  ...MCI_ROUTES,
  ...MCI_ROUTES.map(asMcis),
  'GET /request/:reqId',
  'DELETE /request/:reqId',
  'GET /requests',
  'DELETE /requests',
];

const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/**
 * Every route of the contract is served by a handler of its own (never the catch-all 404 "Not Found"),
 * answers a harmless call (unknown ids, empty bodies) with less than a 500, and is in the OpenAPI document
 * (the `mci` spelling; `mcis` is the same operation).
 */
describe('tumblebug serves and documents the upstream routes, mci and mcis alike', () => {
  let spider: SpiderUnderTest;
  let tumblebug: TumblebugUnderTest;
  let tb: string;

  beforeAll(async () => {
    spider = await startSpider();
    tumblebug = await startTumblebug(spider);
    tb = tumblebug.rest;
    await ok(call(tb, 'POST', '/ns', { name: 'routes' }));
  });

  afterAll(async () => {
    await tumblebug?.stop();
    await spider?.stop();
  });

  it('answers each path and method with its own handler, never a 500', async () => {
    const unrouted: string[] = [];
    const failed: string[] = [];
    for (const route of ROUTES) {
      const [method, path] = route.split(' ');
      const concrete = path
        .replace(':nsId', 'routes')
        .replace(/:connConfigName|:providerName|:regionName/, 'nowhere')
        .replace(/:[A-Za-z]+/g, 'x');
      // A namespace of its own for the one route that deletes it.
      const target = route === 'DELETE /ns/:nsId' ? '/ns/routes-gone' : concrete;
      if (route === 'DELETE /ns/:nsId') await ok(call(tb, 'POST', '/ns', { name: 'routes-gone' }));
      const answer = await call(tb, method, target, method === 'GET' || method === 'DELETE' ? undefined : {});
      if (answer.status === 404 && answer.body?.message === 'Not Found') unrouted.push(route);
      if (answer.status >= 500) failed.push(`${route}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    expect(unrouted).toEqual([]);
    expect(failed).toEqual([]);
  });

  it('lists each of them in /tumblebug/openapi.json', async () => {
    const doc = await ok(call(tb, 'GET', '/openapi.json'));
    // The kinds' own routes are documented once as /resources/{resourceType}; their parts' routes each.
    const generic = (path: string) =>
      path.replace(/\/resources\/[A-Za-z]+(?=$|\/:resourceId$)/, '/resources/:resourceType');
    const missing = [...ROUTES.filter((route) => !MCI_ROUTES.map(asMcis).includes(route)), 'GET /events/stream']
      .map((route) => route.split(' '))
      .filter(([method, path]) => !doc.paths[openApiPath(generic(path))]?.[method.toLowerCase()])
      .map((parts) => parts.join(' '));
    expect(missing).toEqual([]);
  });
});
