import {
  call,
  eventually,
  ok,
  type SpiderUnderTest,
  startMcisPlatform,
  staticGroup,
  type TumblebugUnderTest,
} from './mcis-harness';

jest.setTimeout(180_000);

const CONN = 'parts';
const NS = 'ns01';
const NET = `/ns/${NS}/resources/vNet/${CONN}-net`;
const SG = `/ns/${NS}/resources/securityGroup/${CONN}-sg`;

interface SpiderRule {
  Direction: string;
  IPProtocol: string;
  FromPort: string;
  ToPort: string;
  CIDR: string;
}

describe("a vNet's subnets and a security group's rules, through a real spider", () => {
  let spider: SpiderUnderTest;
  let tumblebug: TumblebugUnderTest;
  let tb: string;

  beforeAll(async () => {
    ({ spider, tumblebug, tb } = await startMcisPlatform(NS, [[CONN, 'default']]));
  });

  afterAll(async () => {
    await tumblebug?.stop();
    await spider?.stop();
  });

  const cspName = async (path: string) => String((await ok(call(tb, 'GET', path))).cspResourceName);
  const spiderSubnets = async () => {
    const vpc = await ok(call(spider.rest, 'GET', `/vpc/${await cspName(NET)}?ConnectionName=${CONN}`));
    return vpc.SubnetInfoList.map((s: { IId: { NameId: string }; IPv4_CIDR: string }) => [s.IId.NameId, s.IPv4_CIDR]);
  };
  const spiderRules = async (): Promise<string[]> => {
    const sg = await ok(call(spider.rest, 'GET', `/securitygroup/${await cspName(SG)}?ConnectionName=${CONN}`));
    return sg.SecurityRules.map((r: SpiderRule) => `${r.Direction} ${r.IPProtocol} ${r.FromPort}-${r.ToPort} ${r.CIDR}`)
      .map((rule: string) => rule.toLowerCase())
      .sort();
  };

  it('adds a subnet in the cloud, lists and gets it, then deletes it from the cloud and the vNet', async () => {
    const added = await ok(
      call(tb, 'POST', `${NET}/subnet`, { name: 'sub02', ipv4_CIDR: '10.0.2.0/24', description: 'second' }),
      201,
    );
    expect(added).toMatchObject({ id: 'sub02', name: 'sub02', ipv4_CIDR: '10.0.2.0/24', description: 'second' });
    expect(await spiderSubnets()).toContainEqual([added.cspResourceName, '10.0.2.0/24']);

    const { subnetInfoList } = await ok(call(tb, 'GET', `${NET}/subnet`));
    expect(subnetInfoList.map((s: { id: string }) => s.id)).toEqual([`${CONN}-sub`, 'sub02']);
    expect(await ok(call(tb, 'GET', `${NET}/subnet/sub02`))).toEqual(added);
    expect((await ok(call(tb, 'GET', NET))).subnetInfoList).toContainEqual(added);

    expect((await ok(call(tb, 'DELETE', `${NET}/subnet/sub02`))).message).toMatch(/sub02/);
    expect((await spiderSubnets()).map(([name]: string[]) => name)).not.toContain(added.cspResourceName);
    expect((await ok(call(tb, 'GET', `${NET}/subnet`))).subnetInfoList.map((s: { id: string }) => s.id)).toEqual([
      `${CONN}-sub`,
    ]);
    const gone = await call(tb, 'GET', `${NET}/subnet/sub02`);
    expect(gone.status).toBe(404);
    expect(gone.body.message).toMatch(/sub02/);
  });

  it('refuses unknown vNets, bad names and CIDRs, and duplicate names, changing nothing', async () => {
    const before = await spiderSubnets();
    const cases: [string, string, unknown, number, RegExp][] = [
      ['POST', `/ns/${NS}/resources/vNet/nowhere/subnet`, { name: 's', ipv4_CIDR: '10.0.3.0/24' }, 404, /nowhere/],
      ['GET', `/ns/${NS}/resources/vNet/nowhere/subnet`, undefined, 404, /nowhere/],
      ['DELETE', `${NET}/subnet/nosuch`, undefined, 404, /nosuch/],
      ['POST', `${NET}/subnet`, { name: 's3', ipv4_CIDR: '10.0.300.0/24' }, 400, /ipv4_CIDR/],
      ['POST', `${NET}/subnet`, { name: 's3', ipv4_CIDR: '10.0.3.0' }, 400, /ipv4_CIDR/],
      ['POST', `${NET}/subnet`, { name: 's3' }, 400, /ipv4_CIDR/],
      ['POST', `${NET}/subnet`, { name: '3s', ipv4_CIDR: '10.0.3.0/24' }, 400, /name/],
      ['POST', `${NET}/subnet`, { name: `${CONN}-sub`, ipv4_CIDR: '10.0.3.0/24' }, 409, /already exists/],
    ];
    for (const [method, path, body, status, message] of cases) {
      const answer = await call(tb, method, path, body);
      expect([method, path, answer.status]).toEqual([method, path, status]);
      expect(answer.body.message).toMatch(message);
    }
    expect(await spiderSubnets()).toEqual(before);
  });

  it('refuses deleting a subnet a VM uses (409) and deletes it once the VM is gone', async () => {
    await ok(call(tb, 'POST', `${NET}/subnet`, { name: 'used', ipv4_CIDR: '10.0.4.0/24' }), 201);
    await ok(
      call(tb, 'POST', `/ns/${NS}/mci`, {
        name: 'mci01',
        subGroups: [{ ...staticGroup(CONN, 'g1', 1), subnetId: 'used' }],
      }),
    );
    const refused = await call(tb, 'DELETE', `${NET}/subnet/used`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/in use by mci01\/g1-1/);
    expect(await ok(call(tb, 'GET', `${NET}/subnet/used`))).toMatchObject({ id: 'used' });

    await ok(call(tb, 'DELETE', `/ns/${NS}/mci/mci01?option=terminate`));
    const answer = await eventually(
      () => call(tb, 'DELETE', `${NET}/subnet/used`),
      (reply) => reply.status !== 409,
    );
    expect(answer.status).toBe(200);
    expect((await spiderSubnets()).map(([, cidr]: string[]) => cidr)).not.toContain('10.0.4.0/24');
  });

  it('adds, removes and replaces rules in the cloud, answering SecurityGroupUpdateResponse', async () => {
    expect(await spiderRules()).toEqual(['inbound tcp 22-22 0.0.0.0/0']);

    const added = await ok(
      call(tb, 'POST', `${SG}/rules`, {
        firewallRules: [
          { Direction: 'inbound', Protocol: 'TCP', Ports: '22,443', CIDR: '0.0.0.0/0' },
          { Direction: 'outbound', Protocol: 'UDP', Ports: '53', CIDR: '10.0.0.0/8' },
        ],
      }),
    );
    expect(added).toMatchObject({ id: `${CONN}-sg`, name: `${CONN}-sg`, success: true });
    expect(added.previous.firewallRules).toEqual([
      { Direction: 'inbound', Protocol: 'TCP', Port: '22', CIDR: '0.0.0.0/0' },
    ]);
    expect(added.updated.firewallRules).toHaveLength(3);
    expect(await spiderRules()).toEqual([
      'inbound tcp 22-22 0.0.0.0/0',
      'inbound tcp 443-443 0.0.0.0/0',
      'outbound udp 53-53 10.0.0.0/8',
    ]);
    expect((await ok(call(tb, 'GET', SG))).firewallRules).toEqual(added.updated.firewallRules);

    const removed = await ok(
      call(tb, 'DELETE', `${SG}/rules`, {
        firewallRules: [{ Direction: 'inbound', Protocol: 'TCP', Ports: '22', CIDR: '0.0.0.0/0' }],
      }),
    );
    expect(removed.updated.firewallRules).toHaveLength(2);
    expect(await spiderRules()).toEqual(['inbound tcp 443-443 0.0.0.0/0', 'outbound udp 53-53 10.0.0.0/8']);

    const replaced = await ok(
      call(tb, 'PUT', SG, {
        firewallRules: [
          { Direction: 'inbound', Protocol: 'TCP', Ports: '8080-8081', CIDR: '192.168.0.0/16' },
          { Direction: 'inbound', Protocol: 'TCP', Ports: '443', CIDR: '0.0.0.0/0' },
        ],
      }),
    );
    expect(replaced.previous.firewallRules).toHaveLength(2);
    expect(replaced.updated.firewallRules).toEqual(
      expect.arrayContaining([
        { Direction: 'inbound', Protocol: 'TCP', Port: '8080-8081', CIDR: '192.168.0.0/16' },
        { Direction: 'inbound', Protocol: 'TCP', Port: '443', CIDR: '0.0.0.0/0' },
      ]),
    );
    expect(replaced.updated.firewallRules).toHaveLength(2);
    expect(await spiderRules()).toEqual(['inbound tcp 443-443 0.0.0.0/0', 'inbound tcp 8080-8081 192.168.0.0/16']);
  });

  it('refuses unknown groups, bad rules and removing a rule the group lacks, changing nothing', async () => {
    const before = await spiderRules();
    const rule = { Direction: 'inbound', Protocol: 'TCP', Ports: '22', CIDR: '0.0.0.0/0' };
    const cases: [string, string, unknown, number, RegExp][] = [
      ['PUT', `/ns/${NS}/resources/securityGroup/nosuch`, { firewallRules: [rule] }, 404, /nosuch/],
      ['POST', `/ns/${NS}/resources/securityGroup/nosuch/rules`, { firewallRules: [rule] }, 404, /nosuch/],
      ['DELETE', `${SG}/rules`, { firewallRules: [rule] }, 404, /no rule inbound TCP 22/],
      ['POST', `${SG}/rules`, {}, 400, /firewallRules/],
      ['POST', `${SG}/rules`, { firewallRules: [{ ...rule, Direction: 'sideways' }] }, 400, /Direction/],
      ['PUT', SG, { firewallRules: [{ ...rule, Ports: '70000' }] }, 400, /Ports/],
      ['PUT', SG, { firewallRules: [{ ...rule, Protocol: 'SCTP' }] }, 400, /Protocol/],
    ];
    for (const [method, path, body, status, message] of cases) {
      const answer = await call(tb, method, path, body);
      expect([method, path, answer.status]).toEqual([method, path, status]);
      expect(answer.body.message).toMatch(message);
    }
    expect(await spiderRules()).toEqual(before);
  });
});
