import { sgRequest, startResourceSpider, type ResourceSpider, vmRequest, vpcRequest } from './resources-helpers';

/**
 * Clouds rate-limit every call alike: creating a VM must not spend a second call on asking its status.
 * (The status the answer carried is the one announced: see mock-sequence.spec.ts, `vm.created` Running.)
 */
describe('spider VM creation: cloud calls spent', () => {
  let rs: ResourceSpider;

  beforeAll(async () => {
    rs = await startResourceSpider();
    await rs.connect('calls');
    const C = 'calls';
    expect((await rs.call('POST', '/vpc', { ConnectionName: C, ReqInfo: vpcRequest() })).status).toBe(200);
    expect((await rs.call('POST', '/securitygroup', { ConnectionName: C, ReqInfo: sgRequest() })).status).toBe(200);
    expect((await rs.call('POST', '/keypair', { ConnectionName: C, ReqInfo: { Name: 'keypair-01' } })).status).toBe(
      200,
    );
  });
  afterAll(async () => {
    await rs?.stop();
  });

  it('makes one cloud call when the driver says the new VM status in its answer', async () => {
    const created = await rs.call('POST', '/vm', { ConnectionName: 'calls', ReqInfo: vmRequest('vm-01') });
    expect(created.status).toBe(200);
    expect(created.body).not.toHaveProperty('VmStatus');

    const history = await rs.call('GET', '/callhistory?ConnectionName=calls&ResourceType=vm');
    const operations = history.body.callhistory.map((call: { Operation: string }) => call.Operation);
    expect(operations).toEqual(['startVM']);
  });
});
