import type { NodeGroupReqInfo } from '../resources';
import { expectDriverError, required, type SuiteContext, waitForVMStatus } from './context';
import { createInfra, type Infra, terminateQuietly } from './infra-fixture';

/** NLB, cluster with node groups, and tags: the resources built on top of a network. */
export function describeServices(ctx: SuiteContext): void {
  const caps = ctx.options.capabilities;
  if (!(caps.VPCHandler && caps.SecurityHandler && caps.KeyPairHandler && caps.ImageHandler && caps.VMSpecHandler)) {
    return;
  }
  if (!(caps.NLBHandler || caps.ClusterHandler || caps.TagHandler)) return;

  describe('NLB, cluster and tag', () => {
    let infra: Infra;
    beforeAll(async () => {
      infra = await createInfra(ctx, 'svcset');
    });
    afterAll(async () => {
      await infra?.remove();
    });

    if (caps.NLBHandler && caps.VMHandler) {
      it('creates an NLB, adds and removes VMs, reports health and deletes it', async () => {
        const vm = required(ctx.connection.vm(), 'VMHandler');
        const nlbs = required(ctx.connection.nlb(), 'NLBHandler');
        const member = await vm.startVM(infra.vmRequest('nlb-vm'));
        try {
          await waitForVMStatus(ctx, member.IId, 'Running');
          const nlb = await nlbs.createNLB({
            IId: ctx.iid('nlb'),
            VpcIID: infra.vpcIID,
            Type: 'PUBLIC',
            Scope: 'REGION',
            Listener: { Protocol: 'TCP', Port: '80' },
            VMGroup: { Protocol: 'TCP', Port: '8080', VMs: [] },
            HealthChecker: { Protocol: 'TCP', Port: '8080', Interval: -1, Timeout: -1, Threshold: -1 },
          });
          expect(nlb.IId.SystemId).toBeTruthy();
          await expectDriverError(nlbs.createNLB({ ...nlb, IId: ctx.iid('nlb') }), 'ALREADY_EXISTS');
          const group = await nlbs.addVMs(nlb.IId, [member.IId]);
          expect(group.VMs?.map((v) => v.NameId)).toContain(member.IId.NameId);
          const health = await nlbs.getVMGroupHealthInfo(nlb.IId);
          expect(health.AllVMs.map((v) => v.NameId)).toContain(member.IId.NameId);
          expect(await nlbs.removeVMs(nlb.IId, [member.IId])).toBe(true);
          expect((await nlbs.getNLB(nlb.IId)).VMGroup.VMs ?? []).toHaveLength(0);
          const listener = await nlbs.changeListener(nlb.IId, { Protocol: 'TCP', Port: '8081' });
          expect(listener.Port).toBe('8081');
          expect(await nlbs.deleteNLB(nlb.IId)).toBe(true);
          await expectDriverError(nlbs.getNLB(nlb.IId), 'NOT_FOUND');
        } finally {
          await terminateQuietly(ctx, member.IId);
        }
      });
    }

    if (caps.ClusterHandler) {
      it('creates a cluster with a node group, scales, adds and removes node groups, upgrades, deletes', async () => {
        const clusters = required(ctx.connection.cluster(), 'ClusterHandler');
        const nodeGroup = (name: string): NodeGroupReqInfo => ({
          IId: ctx.iid(name),
          VMSpecName: infra.specName,
          KeyPairIID: infra.keyIID,
          OnAutoScaling: false,
          DesiredNodeSize: 2,
          MinNodeSize: 1,
          MaxNodeSize: 3,
        });
        const cluster = await clusters.createCluster({
          IId: ctx.iid('cluster'),
          Version: '1.30',
          Network: { VpcIID: infra.vpcIID, SubnetIIDs: [infra.subnetIID], SecurityGroupIIDs: [infra.sgIID] },
          NodeGroupList: [nodeGroup('ng-1')],
        });
        try {
          expect(cluster.NodeGroupList?.map((g) => g.IId.NameId)).toEqual([ctx.name('ng-1')]);
          expect(['Creating', 'Active']).toContain(cluster.Status);
          const added = await clusters.addNodeGroup(cluster.IId, nodeGroup('ng-2'));
          expect(added.DesiredNodeSize).toBe(2);
          expect(await clusters.setNodeGroupAutoScaling(cluster.IId, added.IId, true)).toBe(true);
          const scaled = await clusters.changeNodeGroupScaling(cluster.IId, added.IId, 3, 1, 5);
          expect([scaled.DesiredNodeSize, scaled.MinNodeSize, scaled.MaxNodeSize]).toEqual([3, 1, 5]);
          await expectDriverError(clusters.changeNodeGroupScaling(cluster.IId, added.IId, 9, 1, 5), 'INVALID_ARGUMENT');
          expect(await clusters.removeNodeGroup(cluster.IId, added.IId)).toBe(true);
          expect((await clusters.getCluster(cluster.IId)).NodeGroupList).toHaveLength(1);
          expect((await clusters.upgradeCluster(cluster.IId, '1.31')).Version).toBe('1.31');
          if (clusters.generateClusterToken) {
            expect(await clusters.generateClusterToken(cluster.IId)).toEqual(expect.stringMatching(/\S/));
            await expectDriverError(clusters.generateClusterToken(ctx.iid('no-such-cluster')), 'NOT_FOUND');
          }
        } finally {
          await clusters.deleteCluster(cluster.IId).catch(() => undefined);
        }
        await expectDriverError(clusters.getCluster(cluster.IId), 'NOT_FOUND');
      });
    }

    if (caps.TagHandler && caps.TagSupportResourceType.includes('vpc')) {
      it('adds, lists, gets, finds and removes a tag on a VPC', async () => {
        const tags = required(ctx.connection.tag(), 'TagHandler');
        const tag = { Key: 'env', Value: `${ctx.options.namePrefix}-staging` };
        expect(await tags.addTag('vpc', infra.vpcIID, tag)).toEqual(tag);
        expect(await tags.listTag('vpc', infra.vpcIID)).toContainEqual(tag);
        expect(await tags.getTag('vpc', infra.vpcIID, 'env')).toEqual(tag);
        const found = await tags.findTag('vpc', `${ctx.options.namePrefix}-stag`);
        expect(found.map((t) => t.ResIId.NameId)).toContain(infra.vpcIID.NameId);
        expect(await tags.removeTag('vpc', infra.vpcIID, 'env')).toBe(true);
        await expectDriverError(tags.getTag('vpc', infra.vpcIID, 'env'), 'NOT_FOUND');
      });
    }
  });
}
