import type { SecurityRuleInfo } from '../resources';
import { expectDriverError, required, type SuiteContext } from './context';

const sshRule: SecurityRuleInfo = {
  Direction: 'inbound',
  IPProtocol: 'TCP',
  FromPort: '22',
  ToPort: '22',
  CIDR: '0.0.0.0/0',
};
const webRule: SecurityRuleInfo = {
  Direction: 'inbound',
  IPProtocol: 'TCP',
  FromPort: '443',
  ToPort: '443',
  CIDR: '0.0.0.0/0',
};

function sameRule(a: SecurityRuleInfo, b: SecurityRuleInfo): boolean {
  return (
    a.Direction.toLowerCase() === b.Direction.toLowerCase() &&
    a.IPProtocol.toUpperCase() === b.IPProtocol.toUpperCase() &&
    a.FromPort === b.FromPort &&
    a.ToPort === b.ToPort
  );
}

/** VPC/subnet, security group and key pair lifecycles, with the duplicate and unknown-name errors. */
export function describeNetwork(ctx: SuiteContext): void {
  const caps = ctx.options.capabilities;
  const [cidr1, cidr2] = ctx.options.subnetCidrs;

  if (caps.VPCHandler) {
    describe('VPC and subnet', () => {
      const vpcIID = ctx.iid('vpc');

      it('creates a VPC with a subnet, adds and removes a second subnet, then deletes it', async () => {
        const vpc = required(ctx.connection.vpc(), 'VPCHandler');
        const created = await vpc.createVPC({
          IId: vpcIID,
          IPv4_CIDR: ctx.options.vpcCidr,
          SubnetInfoList: [{ IId: ctx.iid('subnet-1'), IPv4_CIDR: cidr1 }],
        });
        expect(created.IId.NameId).toBe(vpcIID.NameId);
        expect(created.IId.SystemId).toBeTruthy();
        expect(created.SubnetInfoList.map((s) => s.IId.NameId)).toEqual([ctx.name('subnet-1')]);

        const withTwo = await vpc.addSubnet(created.IId, { IId: ctx.iid('subnet-2'), IPv4_CIDR: cidr2 });
        expect(withTwo.SubnetInfoList.map((s) => s.IId.NameId).sort()).toEqual(
          [ctx.name('subnet-1'), ctx.name('subnet-2')].sort(),
        );
        expect((await vpc.listVPC()).map((v) => v.IId.NameId)).toContain(vpcIID.NameId);
        expect((await vpc.listIID()).map((i) => i.NameId)).toContain(vpcIID.NameId);

        const subnet2 = withTwo.SubnetInfoList.find((s) => s.IId.NameId === ctx.name('subnet-2'))!;
        expect(await vpc.removeSubnet(created.IId, subnet2.IId)).toBe(true);
        expect((await vpc.getVPC(created.IId)).SubnetInfoList).toHaveLength(1);

        expect(await vpc.deleteVPC(created.IId)).toBe(true);
        await expectDriverError(vpc.getVPC(created.IId), 'NOT_FOUND');
      });

      it('answers ALREADY_EXISTS for a duplicate name and NOT_FOUND for unknown ones', async () => {
        const vpc = required(ctx.connection.vpc(), 'VPCHandler');
        const req = { IId: ctx.iid('vpc-dup'), IPv4_CIDR: ctx.options.vpcCidr, SubnetInfoList: [] };
        const created = await vpc.createVPC(req);
        try {
          await expectDriverError(vpc.createVPC(req), 'ALREADY_EXISTS');
          await expectDriverError(vpc.removeSubnet(created.IId, ctx.iid('no-such-subnet')), 'NOT_FOUND');
        } finally {
          await vpc.deleteVPC(created.IId);
        }
        await expectDriverError(vpc.getVPC(ctx.iid('no-such-vpc')), 'NOT_FOUND');
        await expectDriverError(vpc.deleteVPC(ctx.iid('no-such-vpc')), 'NOT_FOUND');
      });
    });
  }

  if (caps.VPCHandler && caps.SecurityHandler) {
    describe('security group', () => {
      it('creates a group with rules, adds and removes rules, then deletes it', async () => {
        const vpc = required(ctx.connection.vpc(), 'VPCHandler');
        const security = required(ctx.connection.security(), 'SecurityHandler');
        const owner = await vpc.createVPC({
          IId: ctx.iid('sg-vpc'),
          IPv4_CIDR: ctx.options.vpcCidr,
          SubnetInfoList: [{ IId: ctx.iid('sg-subnet'), IPv4_CIDR: cidr1 }],
        });
        try {
          const sg = await security.createSecurity({ IId: ctx.iid('sg'), VpcIID: owner.IId, SecurityRules: [sshRule] });
          expect(sg.VpcIID.NameId).toBe(owner.IId.NameId);
          expect(sg.SecurityRules.some((r) => sameRule(r, sshRule))).toBe(true);
          await expectDriverError(
            security.createSecurity({ IId: ctx.iid('sg'), VpcIID: owner.IId, SecurityRules: [] }),
            'ALREADY_EXISTS',
          );

          const added = await security.addRules(sg.IId, [webRule]);
          expect(added.SecurityRules.some((r) => sameRule(r, webRule))).toBe(true);
          expect(await security.removeRules(sg.IId, [webRule])).toBe(true);
          const after = await security.getSecurity(sg.IId);
          expect(after.SecurityRules.some((r) => sameRule(r, webRule))).toBe(false);
          expect(after.SecurityRules.some((r) => sameRule(r, sshRule))).toBe(true);
          expect((await security.listSecurity()).map((s) => s.IId.NameId)).toContain(sg.IId.NameId);

          expect(await security.deleteSecurity(sg.IId)).toBe(true);
          await expectDriverError(security.getSecurity(sg.IId), 'NOT_FOUND');
        } finally {
          await vpc.deleteVPC(owner.IId);
        }
      });
    });
  }

  if (caps.KeyPairHandler) {
    describe('key pair', () => {
      it('returns the private key at creation only, then deletes the key', async () => {
        const keys = required(ctx.connection.keyPair(), 'KeyPairHandler');
        const created = await keys.createKey({ IId: ctx.iid('key') });
        expect(created.PrivateKey).toBeTruthy();
        expect(created.IId.SystemId).toBeTruthy();
        await expectDriverError(keys.createKey({ IId: ctx.iid('key') }), 'ALREADY_EXISTS');
        const got = await keys.getKey(created.IId);
        expect(got.IId).toEqual(created.IId);
        expect(got.PrivateKey ?? '').not.toBe(created.PrivateKey);
        expect((await keys.listKey()).map((k) => k.IId.NameId)).toContain(created.IId.NameId);
        expect(await keys.deleteKey(created.IId)).toBe(true);
        await expectDriverError(keys.getKey(created.IId), 'NOT_FOUND');
      });
    });
  }
}
