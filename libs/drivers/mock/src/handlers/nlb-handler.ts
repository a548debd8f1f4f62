import type {
  HealthCheckerInfo,
  HealthInfo,
  IID,
  ListenerInfo,
  NLBHandler,
  NLBInfo,
  NLBReqInfo,
  VMGroupInfo,
} from '@cb/driver-sdk';
import { type MockEnv, nowIso } from './mock-env';
import { requireName } from './vpc-handler';

export class MockNLBHandler implements NLBHandler {
  constructor(private readonly env: MockEnv) {}

  async createNLB(req: NLBReqInfo): Promise<NLBInfo> {
    requireName(req.IId, 'NLB');
    const vpc = this.env.cloud.vpcs.get(req.VpcIID);
    const vms = (req.VMGroup?.VMs ?? []).map((vm) => this.env.cloud.vms.get(vm).IId);
    const listener = req.Listener;
    return this.env.cloud.nlbs.insert({
      IId: { NameId: req.IId.NameId, SystemId: req.IId.NameId },
      VpcIID: vpc.IId,
      Type: req.Type || 'PUBLIC',
      Scope: req.Scope || 'REGION',
      Listener: { ...listener, IP: listener.IP || '4.3.2.1', DNSName: `${req.IId.NameId}.nlb.spider.barista.com` },
      // Upstream fills a missing VM group from the listener.
      VMGroup: {
        Protocol: req.VMGroup?.Protocol || listener.Protocol,
        Port: req.VMGroup?.Port || listener.Port,
        VMs: vms,
      },
      HealthChecker: { ...req.HealthChecker },
      CreatedTime: nowIso(this.env),
      ...(req.TagList?.length ? { TagList: req.TagList } : {}),
    });
  }

  async listNLB(): Promise<NLBInfo[]> {
    return this.env.cloud.nlbs.list();
  }

  async getNLB(nlbIID: IID): Promise<NLBInfo> {
    return this.env.cloud.nlbs.get(nlbIID);
  }

  async deleteNLB(nlbIID: IID): Promise<boolean> {
    this.env.cloud.nlbs.delete(nlbIID);
    return true;
  }

  async addVMs(nlbIID: IID, vmIIDs: IID[]): Promise<VMGroupInfo> {
    const nlb = this.env.cloud.nlbs.ref(nlbIID);
    const added = vmIIDs.map((vm) => this.env.cloud.vms.get(vm).IId);
    const current = nlb.VMGroup.VMs ?? [];
    nlb.VMGroup.VMs = [...current, ...added.filter((vm) => !current.some((c) => c.NameId === vm.NameId))];
    return structuredClone(nlb.VMGroup);
  }

  async removeVMs(nlbIID: IID, vmIIDs: IID[]): Promise<boolean> {
    const nlb = this.env.cloud.nlbs.ref(nlbIID);
    nlb.VMGroup.VMs = (nlb.VMGroup.VMs ?? []).filter((vm) => !vmIIDs.some((r) => r.NameId === vm.NameId));
    return true;
  }

  /** Upstream's mock reports the last VM of the group unhealthy and the rest healthy. */
  async getVMGroupHealthInfo(nlbIID: IID): Promise<HealthInfo> {
    const vms = this.env.cloud.nlbs.get(nlbIID).VMGroup.VMs ?? [];
    return { AllVMs: vms, HealthyVMs: vms.slice(0, -1), UnHealthyVMs: vms.slice(-1) };
  }

  async changeListener(nlbIID: IID, listener: ListenerInfo): Promise<ListenerInfo> {
    const nlb = this.env.cloud.nlbs.ref(nlbIID);
    nlb.Listener = { ...nlb.Listener, Protocol: listener.Protocol, Port: listener.Port };
    return structuredClone(nlb.Listener);
  }

  async changeVMGroupInfo(nlbIID: IID, vmGroup: VMGroupInfo): Promise<VMGroupInfo> {
    const nlb = this.env.cloud.nlbs.ref(nlbIID);
    nlb.VMGroup = { ...nlb.VMGroup, Protocol: vmGroup.Protocol, Port: vmGroup.Port };
    return structuredClone(nlb.VMGroup);
  }

  async changeHealthCheckerInfo(nlbIID: IID, healthChecker: HealthCheckerInfo): Promise<HealthCheckerInfo> {
    const nlb = this.env.cloud.nlbs.ref(nlbIID);
    nlb.HealthChecker = { ...healthChecker };
    return structuredClone(nlb.HealthChecker);
  }

  async listIID(): Promise<IID[]> {
    return this.env.cloud.nlbs.iids();
  }
}
