import { AlreadyExistsError, NotFoundError } from '@cb/errors';
import type { IidKind } from '../../store/resources';

/**
 * Upstream's labels per resource kind: the "does not exist" texts use the short one, the "already exists"
 * texts upstream's RSTypeString. Clients (tumblebug and its kin) match on these messages.
 */
const LABELS: Record<IidKind, { label: string; createLabel: string }> = {
  vpc: { label: 'VPC', createLabel: 'VPC' },
  subnet: { label: 'Subnet', createLabel: 'Subnet' },
  sg: { label: 'Security Group', createLabel: 'Security Group' },
  keypair: { label: 'VM KeyPair', createLabel: 'VM KeyPair' },
  vm: { label: 'VM', createLabel: 'VM' },
  disk: { label: 'Disk', createLabel: 'Disk' },
  myimage: { label: 'MyImage', createLabel: 'MyImage' },
  nlb: { label: 'NLB', createLabel: 'Network Load Balancer' },
  cluster: { label: 'Cluster', createLabel: 'Kubernetes Cluster' },
  nodegroup: { label: 'NodeGroup', createLabel: 'NodeGroup' },
};

export const labelOf = (kind: IidKind) => LABELS[kind].label;

export function notFound(kind: IidKind, name: string, connectionName: string): NotFoundError {
  return new NotFoundError(`${LABELS[kind].label} '${name}' does not exist in connection '${connectionName}'`, {
    field: 'Name',
  });
}

export function alreadyExists(kind: IidKind, name: string, connectionName: string): AlreadyExistsError {
  return new AlreadyExistsError(
    `${LABELS[kind].createLabel} '${name}' already exists in connection '${connectionName}'`,
    { field: 'Name' },
  );
}
