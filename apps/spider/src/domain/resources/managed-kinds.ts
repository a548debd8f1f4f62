import type { IidKind } from '../../store/resources';
import { clusterKind } from './cluster';
import { diskKind } from './disk';
import { keyPairKind } from './key-pair';
import { myImageKind } from './my-image';
import { nlbKind } from './nlb';
import { securityGroupKind } from './security-group';
import { type VmService, vmKind } from './vm';
import { vpcKind } from './vpc';

/**
 * Every kind the generic management calls serve (all-listings, register, unregister, delete by cloud id),
 * by upstream's REST name: `/all<rs>`, `/reg<rs>`, `/csp<rs>`. Both APIs take the kinds from here.
 */
export function managedKinds(vms: VmService) {
  return {
    vpc: vpcKind,
    securitygroup: securityGroupKind,
    keypair: keyPairKind,
    vm: vmKind(vms),
    disk: diskKind,
    myimage: myImageKind,
    nlb: nlbKind,
    cluster: clusterKind,
  };
}

export type ManagedKinds = ReturnType<typeof managedKinds>;
export type ManagedResourceType = keyof ManagedKinds;

/** What `/count<rs>` counts, by upstream's REST name: the managed kinds and subnets. */
export const COUNTED_KINDS: Record<ManagedResourceType | 'subnet', IidKind> = {
  vpc: 'vpc',
  subnet: 'subnet',
  securitygroup: 'sg',
  keypair: 'keypair',
  vm: 'vm',
  disk: 'disk',
  myimage: 'myimage',
  nlb: 'nlb',
  cluster: 'cluster',
};
