import type {
  ClusterInfo,
  DiskInfo,
  KeyPairInfo,
  MyImageInfo,
  NLBInfo,
  SecurityInfo,
  VMInfo,
  VPCInfo,
} from '@cb/driver-sdk';
import type { Clock } from '../clock';
import { FaultInjector } from '../faults/fault-injector';
import { ResourceTable } from './resource-table';

/** A VM as the simulated cloud keeps it: the info it answers plus what drives its status. */
export interface VMRecord extends VMInfo {
  state: {
    /** Running, Suspended, or Creating until `readyAt`. */
    status: 'Creating' | 'Running' | 'Suspended';
    readyAt: number;
    stuck: boolean;
    publicIP: string;
    privateIP: string;
  };
}

/** Everything one MockName's cloud holds; different MockNames never see each other's resources. */
export class MockCloud {
  readonly vpcs = new ResourceTable<VPCInfo>('VPC');
  readonly securityGroups = new ResourceTable<SecurityInfo>('Security Group');
  readonly keyPairs = new ResourceTable<KeyPairInfo>('VM KeyPair');
  readonly vms = new ResourceTable<VMRecord>('VM');
  readonly disks = new ResourceTable<DiskInfo>('Disk');
  readonly myImages = new ResourceTable<MyImageInfo>('MyImage');
  readonly nlbs = new ResourceTable<NLBInfo>('NLB');
  readonly clusters = new ResourceTable<ClusterInfo>('Cluster');
  readonly faults: FaultInjector;

  constructor(
    readonly name: string,
    readonly clock: Clock,
    /** Seeded draws for everything random in this cloud (failures, stuck VMs). */
    readonly random: () => number,
  ) {
    this.faults = new FaultInjector(clock, random);
  }
}

/** The mock clouds of one driver instance, keyed by MockName and created on first use (as upstream). */
export class MockClouds {
  private readonly clouds = new Map<string, MockCloud>();

  constructor(
    private readonly clock: Clock,
    private readonly randomFor: (seed: string) => () => number,
  ) {}

  get(mockName: string, seed: string): MockCloud {
    let cloud = this.clouds.get(mockName);
    if (!cloud) {
      cloud = new MockCloud(mockName, this.clock, this.randomFor(`${seed}/${mockName}`));
      this.clouds.set(mockName, cloud);
    }
    return cloud;
  }

  /** Forgets a MockName's resources, as a restart of upstream's process would. */
  reset(mockName?: string): void {
    if (mockName === undefined) this.clouds.clear();
    else this.clouds.delete(mockName);
  }
}
