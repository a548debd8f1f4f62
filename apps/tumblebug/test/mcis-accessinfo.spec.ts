import {
  call,
  eventually,
  ok,
  type SpiderUnderTest,
  startMcisPlatform,
  staticGroup,
  type TumblebugUnderTest,
} from './mcis-harness';

jest.setTimeout(120_000);

const CONN = 'access-a';
const NS = 'accessns';

describe('MCIS access info', () => {
  let spider: SpiderUnderTest;
  let tumblebug: TumblebugUnderTest;
  let tb: string;
  let privateKey: string;

  beforeAll(async () => {
    ({ spider, tumblebug, tb } = await startMcisPlatform(NS, [[CONN, 'default']]));
    privateKey = (await ok(call(tb, 'GET', `/ns/${NS}/resources/sshKey/${CONN}-key`))).privateKey;
    await ok(call(tb, 'POST', `/ns/${NS}/mci`, { name: 'acc01', subGroups: [staticGroup(CONN, 'g1', 2)] }));
    await eventually(
      async () => (await ok(call(tb, 'GET', `/ns/${NS}/mci/acc01?option=status`))).status.status,
      (status) => status === 'Running:2 (R:2/2)',
    );
  });

  afterAll(async () => {
    await tumblebug?.stop();
    await spider?.stop();
  });

  it('lists addresses per subGroup and VM, without the private key unless asked', async () => {
    const info = await ok(call(tb, 'GET', `/ns/${NS}/mci/acc01?option=accessinfo`));
    expect(info.mciId).toBe('acc01');
    expect(info.mciSubGroupAccessInfo).toHaveLength(1);
    const [group] = info.mciSubGroupAccessInfo;
    expect(group.subGroupId).toBe('g1');
    expect(group.mciVmAccessInfo.map((vm: { vmId: string }) => vm.vmId).sort()).toEqual(['g1-1', 'g1-2']);
    for (const vm of group.mciVmAccessInfo) {
      expect(vm).toMatchObject({ publicIP: '4.3.2.1', privateIP: '1.2.3.4', sshPort: '22', privateKey: '' });
    }
  });

  it("hands out the sshKey's private key with accessInfoOption=showSshKey (also per VM, also under mcis)", async () => {
    expect(privateKey).toBeTruthy();
    const info = await ok(call(tb, 'GET', `/ns/${NS}/mcis/acc01?option=accessinfo&accessInfoOption=showSshKey`));
    const keys = info.mciSubGroupAccessInfo[0].mciVmAccessInfo.map((vm: { privateKey: string }) => vm.privateKey);
    expect(keys).toEqual([privateKey, privateKey]);

    const vm = await ok(call(tb, 'GET', `/ns/${NS}/mci/acc01/vm/g1-2?option=accessinfo&accessInfoOption=showSshKey`));
    expect(vm).toMatchObject({ vmId: 'g1-2', publicIP: '4.3.2.1', privateKey });
    const plain = await ok(call(tb, 'GET', `/ns/${NS}/mci/acc01/vm/g1-2?option=accessinfo`));
    expect(plain.privateKey).toBe('');
  });
});
