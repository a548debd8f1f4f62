import type {
  CloudConnection,
  ClusterHandler,
  DiskHandler,
  ImageHandler,
  KeyPairHandler,
  MyImageHandler,
  NLBHandler,
  PriceHandler,
  RegionZoneHandler,
  SecurityHandler,
  TagHandler,
  VMHandler,
  VMSpecHandler,
  VPCHandler,
} from '@cb/driver-sdk';
import { withFaults } from './faults/with-faults';
import {
  MockImageHandler,
  MockPriceHandler,
  MockRegionZoneHandler,
  MockVMSpecHandler,
} from './handlers/catalog-handlers';
import { MockClusterHandler } from './handlers/cluster-handler';
import { MockDiskHandler } from './handlers/disk-handler';
import { MockKeyPairHandler } from './handlers/key-pair-handler';
import type { MockEnv } from './handlers/mock-env';
import { MockMyImageHandler } from './handlers/my-image-handler';
import { MockNLBHandler } from './handlers/nlb-handler';
import { MockSecurityHandler } from './handlers/security-handler';
import { MockTagHandler } from './handlers/tag-handler';
import { MockVMHandler } from './handlers/vm-handler';
import { MockVPCHandler } from './handlers/vpc-handler';

/** One connection to a MockName's cloud; every handler call passes the fault injector first. */
export class MockConnection implements CloudConnection {
  private readonly handlers: {
    regionZone: RegionZoneHandler;
    image: ImageHandler;
    vmSpec: VMSpecHandler;
    price: PriceHandler;
    vpc: VPCHandler;
    security: SecurityHandler;
    keyPair: KeyPairHandler;
    vm: VMHandler;
    disk: DiskHandler;
    myImage: MyImageHandler;
    nlb: NLBHandler;
    cluster: ClusterHandler;
    tag: TagHandler;
  };
  private closed = false;

  constructor(env: MockEnv) {
    const faulty = <T extends object>(handler: T) => withFaults(handler, env.cloud.faults, env.config);
    this.handlers = {
      regionZone: faulty(new MockRegionZoneHandler(env)),
      image: faulty(new MockImageHandler(env)),
      vmSpec: faulty(new MockVMSpecHandler(env)),
      price: faulty(new MockPriceHandler(env)),
      vpc: faulty(new MockVPCHandler(env)),
      security: faulty(new MockSecurityHandler(env)),
      keyPair: faulty(new MockKeyPairHandler(env)),
      vm: faulty(new MockVMHandler(env)),
      disk: faulty(new MockDiskHandler(env)),
      myImage: faulty(new MockMyImageHandler(env)),
      nlb: faulty(new MockNLBHandler(env)),
      cluster: faulty(new MockClusterHandler(env)),
      tag: faulty(new MockTagHandler(env)),
    };
  }

  regionZone = () => this.handlers.regionZone;
  image = () => this.handlers.image;
  vmSpec = () => this.handlers.vmSpec;
  price = () => this.handlers.price;
  vpc = () => this.handlers.vpc;
  security = () => this.handlers.security;
  keyPair = () => this.handlers.keyPair;
  vm = () => this.handlers.vm;
  disk = () => this.handlers.disk;
  myImage = () => this.handlers.myImage;
  nlb = () => this.handlers.nlb;
  cluster = () => this.handlers.cluster;
  tag = () => this.handlers.tag;

  async isConnected(): Promise<boolean> {
    return !this.closed;
  }

  /** The cloud's state outlives the connection (it belongs to the MockName). */
  async close(): Promise<void> {
    this.closed = true;
  }
}
