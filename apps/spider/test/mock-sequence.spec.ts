import { decodeEvent, type EventSubject } from '@cb/events';
import {
  startResourceSpider,
  type Answer,
  type ResourceSpider,
  sgRequest,
  vmRequest,
  vpcRequest,
} from './resources-helpers';
import { registerMock, MOCK } from './cim-helpers';

const C = MOCK.config.ConfigName;
const XID = '[0-9a-v]{20}';

/**
 * Upstream's canonical black-box run (full-test/mock-full_test.sh against connect-config/9.mock-conn-config.sh):
 * every read once with ConnectionName in a GET body and once in the query, then the teardown in reverse.
 */
describe('upstream mock REST sequence', () => {
  let rs: ResourceSpider;
  const vmEvents: { subject: string; status?: string; previous?: string; name?: string }[] = [];

  beforeAll(async () => {
    rs = await startResourceSpider();
    await rs.transport.subscribe('mock_sequence', ['cb.spider.vm.>'], async (event) => {
      const subject = event.subject.replace(rs.subjectPrefix, '') as EventSubject;
      const payload = decodeEvent(subject, event.data) as {
        status?: string;
        previousStatus?: string;
        iid?: { nameId: string };
      };
      vmEvents.push({ subject, status: payload.status, previous: payload.previousStatus, name: payload.iid?.nameId });
    });
    await registerMock(rs.spider);
  });
  afterAll(async () => {
    await rs?.stop();
  });

  /** The two forms upstream's script sends; both must answer the same. */
  async function both(path: string): Promise<Answer> {
    const inBody = await rs.call('GET', path, { ConnectionName: C });
    const glue = path.includes('?') ? '&' : '?';
    const inQuery = await rs.call('GET', `${path}${glue}ConnectionName=${C}`);
    expect(inBody.status).toBe(200);
    expect(inQuery.status).toBe(200);
    expect(inQuery.body).toEqual(inBody.body);
    return inBody;
  }

  it('runs VPC, security group, key pair and VM lifecycles, then deletes in reverse order', async () => {
    const vpc = await rs.call('POST', '/vpc', { ConnectionName: C, ReqInfo: vpcRequest() });
    expect(vpc.status).toBe(200);
    expect(vpc.body.IId.NameId).toBe('vpc-01');
    expect(vpc.body.IId.SystemId).toMatch(new RegExp(`^vpc-01-${XID}$`));

    const withSubnet = await rs.call('POST', '/vpc/vpc-01/subnet', {
      ConnectionName: C,
      ReqInfo: { Name: 'subnet-02', IPv4_CIDR: '192.168.2.0/24' },
    });
    expect(withSubnet.status).toBe(200);
    expect(withSubnet.body.SubnetInfoList.map((s: { IId: { NameId: string } }) => s.IId.NameId)).toEqual([
      'subnet-01',
      'subnet-02',
    ]);
    expect(withSubnet.body.SubnetInfoList[1].IPv4_CIDR).toBe('192.168.2.0/24');

    expect((await both('/vpc')).body.vpc).toEqual([withSubnet.body]);
    expect((await both('/vpc/vpc-01')).body).toEqual(withSubnet.body);

    const sg = await rs.call('POST', '/securitygroup', { ConnectionName: C, ReqInfo: sgRequest() });
    expect(sg.status).toBe(200);
    expect(sg.body.IId.SystemId).toMatch(new RegExp(`^sg01-${XID}$`));
    expect(sg.body.VpcIID).toEqual(vpc.body.IId);
    expect(sg.body.SecurityRules).toEqual([
      { Direction: 'inbound', IPProtocol: 'TCP', FromPort: '1', ToPort: '65535', CIDR: '0.0.0.0/0' },
    ]);
    expect((await both('/securitygroup')).body.securitygroup).toEqual([sg.body]);
    expect((await both('/securitygroup/sg-01')).body).toEqual(sg.body);

    const key = await rs.call('POST', '/keypair', { ConnectionName: C, ReqInfo: { Name: 'keypair-01' } });
    expect(key.status).toBe(200);
    expect(key.body.PrivateKey).toBe('XXXXPrivateKey');
    const keys = (await both('/keypair')).body.keypair;
    expect(keys).toHaveLength(1);
    const gotKey = (await both('/keypair/keypair-01')).body;
    expect(gotKey.IId).toEqual(key.body.IId);
    expect(gotKey.PrivateKey).toBe('Hidden for security.');
    expect(gotKey.PublicKey).toBe('Hidden for security.');
    expect(keys[0].PrivateKey).toBe('Hidden for security.');

    const vm = await rs.call('POST', '/vm', { ConnectionName: C, ReqInfo: vmRequest('vm-01') });
    expect(vm.status).toBe(200);
    expect(vm.body).toMatchObject({
      IId: { NameId: 'vm-01' },
      Region: { Region: 'default' },
      ImageIId: { NameId: 'mock-vmimage-01' },
      VMSpecName: 'mock-vmspec-01',
      VpcIID: vpc.body.IId,
      SubnetIID: withSubnet.body.SubnetInfoList[0].IId,
      SecurityGroupIIds: [sg.body.IId],
      KeyPairIId: key.body.IId,
      PublicIP: '4.3.2.1',
      PrivateIP: '1.2.3.4',
      VMUserId: 'cb-user',
      SSHAccessPoint: '4.3.2.1:22',
    });
    expect(vm.body.IId.SystemId).toMatch(new RegExp(`^vm-01-${XID}$`));

    expect((await both('/vm')).body.vm).toEqual([vm.body]);
    expect((await both('/vm/vm-01')).body).toEqual(vm.body);
    expect((await both('/vmstatus')).body).toEqual({ vmstatus: [{ IId: vm.body.IId, VmStatus: 'Running' }] });
    expect((await both('/vmstatus/vm-01')).body).toEqual({ Status: 'Running' });

    // The second suspend of an already suspended VM still succeeds in the mock, as upstream's.
    expect((await both('/controlvm/vm-01?action=suspend')).body).toEqual({ Status: 'Suspending' });
    expect((await both('/controlvm/vm-01?action=resume')).body).toEqual({ Status: 'Resuming' });
    expect((await both('/controlvm/vm-01?action=reboot')).body).toEqual({ Status: 'Rebooting' });

    expect(await rs.call('DELETE', '/vm/vm-01', { ConnectionName: C })).toEqual({
      status: 200,
      body: { Status: 'Terminating' },
    });
    for (const path of ['/keypair/keypair-01', '/securitygroup/sg-01', '/vpc/vpc-01/subnet/subnet-02', '/vpc/vpc-01']) {
      expect(await rs.call('DELETE', path, { ConnectionName: C })).toEqual({ status: 200, body: { Result: 'true' } });
    }

    for (const table of ['vpc_iid_infos', 'subnet_iid_infos', 'sg_iid_infos', 'key_iid_infos', 'vm_iid_infos']) {
      expect(await rs.rows(table, C)).toEqual([]);
    }
    for (const rsName of ['vpc', 'subnet', 'securitygroup', 'keypair', 'vm']) {
      expect((await rs.call('GET', `/count${rsName}/${C}`)).body).toEqual({ count: 0 });
    }

    // Then the registration, in reverse: connection config, region, credential, driver.
    for (const path of [
      `/connectionconfig/${C}`,
      `/region/${MOCK.region.RegionName}`,
      `/credential/${MOCK.credential.CredentialName}`,
      `/driver/${MOCK.driver.DriverName}`,
    ]) {
      expect(await rs.call('DELETE', path)).toEqual({ status: 200, body: { Result: 'true' } });
    }
    for (const kind of ['connectionconfig', 'region', 'credential', 'driver']) {
      expect((await rs.call('GET', `/${kind}`)).body).toEqual({ [kind]: [] });
    }
  });

  it('announced the VM through the outbox: created, each status change, terminated', async () => {
    // Delivery is asynchronous (outbox relay, JetStream); wait for the terminated event, bounded by the test timeout.
    while (!vmEvents.some((e) => e.subject === 'cb.spider.vm.terminated')) await new Promise((r) => setTimeout(r, 50));
    expect(vmEvents[0]).toEqual({
      subject: 'cb.spider.vm.created',
      status: 'Running',
      previous: undefined,
      name: 'vm-01',
    });
    const changes = vmEvents
      .filter((e) => e.subject === 'cb.spider.vm.status_changed')
      .map((e) => `${e.previous}>${e.status}`);
    expect(changes).toEqual(['Running>Suspending', 'Suspending>Resuming', 'Resuming>Rebooting']);
    expect(vmEvents.at(-1)).toMatchObject({ subject: 'cb.spider.vm.terminated', name: 'vm-01' });
  });
});
