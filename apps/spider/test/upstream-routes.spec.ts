import { startResourceSpider, type ResourceSpider } from './resources-helpers';

/** `<rs>` expands to the management routes upstream has for that resource kind (spider.md §2.14). */
const management = (rs: string) => [
  `POST /reg${rs}`,
  `DELETE /reg${rs}/:Name`,
  `GET /all${rs}`,
  `GET /all${rs}info`,
  `DELETE /csp${rs}/:Id`,
  `GET /count${rs}`,
  `GET /count${rs}/:ConnectionName`,
];

/** Upstream CB-Spider's routes for the resource kinds spider serves (the contract in spider.md §2). */
const UPSTREAM_ROUTES = [
  // §2.1 connection info
  'GET /cloudos',
  'GET /cloudos/metainfo/:CloudOSName',
  ...['driver', 'credential', 'region', 'connectionconfig'].flatMap((kind) => [
    `POST /${kind}`,
    `GET /${kind}`,
    `GET /${kind}/:Name`,
    `DELETE /${kind}/:Name`,
  ]),
  'GET /driver/capability',
  'GET /countconnectionconfig',
  'GET /countconnectionconfig/:ProviderName',
  // §2.2 region/zone
  'GET /regionzone',
  'GET /regionzone/:Name',
  'GET /orgregion',
  'GET /orgzone',
  'GET /preconfig/regionzone',
  'GET /preconfig/regionzone/:Name',
  'GET /preconfig/orgregion',
  // §2.3 price, §2.4 images and specs
  'GET /productfamily/:RegionName',
  'GET /priceinfo/vm/:RegionName',
  'POST /priceinfo/vm/:RegionName',
  'GET /vmimage',
  'GET /vmimage/:Name',
  'GET /vmspec',
  'GET /vmspec/:Name',
  'GET /vmorgspec',
  'GET /vmorgspec/:Name',
  // §2.5 VPC / subnet
  'POST /vpc',
  'GET /vpc',
  'GET /vpc/:Name',
  'DELETE /vpc/:Name',
  'POST /vpc/:VPCName/subnet',
  'GET /vpc/:VPCName/subnet/:Name',
  'DELETE /vpc/:VPCName/subnet/:SubnetName',
  'DELETE /vpc/:VPCName/cspsubnet/:Id',
  ...management('vpc'),
  'POST /regsubnet',
  'DELETE /regsubnet/:Name',
  'GET /countsubnet',
  'GET /countsubnet/:ConnectionName',
  // §2.6 security group
  'POST /securitygroup',
  'GET /securitygroup',
  'GET /securitygroup/:Name',
  'GET /securitygroup/vpc/:VPCName',
  'DELETE /securitygroup/:Name',
  'POST /securitygroup/:SGName/rules',
  'DELETE /securitygroup/:SGName/rules',
  'GET /getsecuritygroupowner',
  'POST /getsecuritygroupowner',
  ...management('securitygroup'),
  // §2.7 key pair
  'POST /keypair',
  'GET /keypair',
  'GET /keypair/:Name',
  'DELETE /keypair/:Name',
  ...management('keypair'),
  // §2.8 VM
  'POST /vm',
  'GET /vm',
  'GET /vm/:Name',
  'DELETE /vm/:Name',
  'GET /vmstatus',
  'GET /vmstatus/:Name',
  'GET /controlvm/:Name',
  'PUT /controlvm/:Name',
  'GET /cspvm/:Id',
  'GET /getvmusingresources',
  'POST /getvmusingresources',
  ...management('vm'),
  // §2.9 disk, my-image
  'POST /disk',
  'GET /disk',
  'GET /disk/:Name',
  'DELETE /disk/:Name',
  'PUT /disk/:Name/size',
  'PUT /disk/:Name/attach',
  'PUT /disk/:Name/detach',
  ...management('disk'),
  'POST /myimage',
  'GET /myimage',
  'GET /myimage/:Name',
  'DELETE /myimage/:Name',
  ...management('myimage'),
  // §2.10 NLB
  'POST /nlb',
  'GET /nlb',
  'GET /nlb/:Name',
  'DELETE /nlb/:Name',
  'POST /nlb/:Name/vms',
  'DELETE /nlb/:Name/vms',
  'PUT /nlb/:Name/listener',
  'PUT /nlb/:Name/vmgroup',
  'PUT /nlb/:Name/healthchecker',
  'GET /nlb/:Name/health',
  'GET /getnlbowner',
  'POST /getnlbowner',
  ...management('nlb'),
  // §2.11 cluster
  'POST /cluster',
  'GET /cluster',
  'GET /cluster/:Name',
  'DELETE /cluster/:Name',
  'GET /cluster/:Name/token',
  'POST /cluster/:Name/nodegroup',
  'DELETE /cluster/:Name/nodegroup/:NodeGroupName',
  'PUT /cluster/:Name/nodegroup/:NodeGroupName/onautoscaling',
  'PUT /cluster/:Name/nodegroup/:NodeGroupName/autoscalesize',
  'PUT /cluster/:Name/upgrade',
  'GET /getclusterowner',
  'POST /getclusterowner',
  ...management('cluster'),
  // §2.12 tag
  'POST /tag',
  'GET /tag',
  'GET /tag/:Key',
  'DELETE /tag/:Key',
];

const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/**
 * Every upstream route is served (no Echo-style 404 "Not Found" for the path and method) and described in
 * the OpenAPI document. Called with an unknown connection, so nothing is created.
 */
describe('spider serves and documents every upstream route', () => {
  let rs: ResourceSpider;

  beforeAll(async () => {
    rs = await startResourceSpider();
  });
  afterAll(async () => {
    await rs?.stop();
  });

  it('answers each upstream path and method with its own handler', async () => {
    const unrouted: string[] = [];
    for (const route of UPSTREAM_ROUTES) {
      const [method, path] = route.split(' ');
      const concrete = path.replace(/:[A-Za-z0-9_]+/g, 'x');
      const answer = await rs.call(method, `${concrete}?ConnectionName=no-such-conn`, {
        ConnectionName: 'no-such-conn',
      });
      if (answer.status === 404 && answer.body?.message === 'Not Found') unrouted.push(route);
      expect(answer.status).toBeLessThan(500);
    }
    expect(unrouted).toEqual([]);
  });

  it('lists each of them in /spider/openapi.json, with the ReqInfo schema of the routes taking one', async () => {
    const doc = (await rs.call('GET', '/openapi.json')).body;
    const missing = UPSTREAM_ROUTES.filter((route) => {
      const [method, path] = route.split(' ');
      const cimPath = path.replace(/^\/(driver|credential|region|connectionconfig)\/:Name$/, (_m, kind: string) => {
        const param = { driver: 'DriverName', credential: 'CredentialName', region: 'RegionName' }[kind];
        return `/${kind}/:${param ?? 'ConfigName'}`;
      });
      return !doc.paths[openApiPath(cimPath)]?.[method.toLowerCase()];
    });
    expect(missing).toEqual([]);
    const vpcBody = doc.paths['/vpc'].post.requestBody.content['application/json'].schema;
    expect(JSON.stringify(vpcBody)).toContain('IPv4_CIDR');
  });
});
