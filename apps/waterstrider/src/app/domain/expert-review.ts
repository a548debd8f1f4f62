import type { ResourceInfo, ReviewInfo } from '../api/tumblebug';

/** An Expert-mode subGroup: every resource named by the user. */
export interface ExpertChoice {
  connectionName: string;
  size: number;
  spec?: ResourceInfo;
  image?: ResourceInfo;
  vNet?: ResourceInfo;
  subnetId?: string;
  securityGroup?: ResourceInfo;
  sshKey?: ResourceInfo;
}

/**
 * The Review of an Expert request, from the platform's own records of the chosen resources (tumblebug reviews
 * only dynamic requests): each must exist and live on the chosen connection, the subnet in the chosen vNet;
 * the cost is the spec's $/hour times the VMs.
 */
export function reviewExpert(choice: ExpertChoice): ReviewInfo {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!choice.connectionName) errors.push('no connection chosen');
  const parts: Array<[string, ResourceInfo | undefined]> = [
    ['spec', choice.spec],
    ['image', choice.image],
    ['vNet', choice.vNet],
    ['security group', choice.securityGroup],
    ['SSH key', choice.sshKey],
  ];
  for (const [kind, resource] of parts) {
    if (!resource) errors.push(`no ${kind} chosen`);
    else if (resource.connectionName && choice.connectionName && resource.connectionName !== choice.connectionName) {
      errors.push(`${kind} ${resource.id} is on ${resource.connectionName}, not ${choice.connectionName}`);
    }
  }
  const subnets = choice.vNet?.subnetInfoList ?? [];
  if (choice.vNet && !subnets.some((s) => s.id === choice.subnetId)) {
    errors.push(`no subnet of vNet ${choice.vNet.id} chosen`);
  }
  const hourly = choice.spec?.costPerHour ?? -1;
  let estimatedCost: string | undefined;
  if (hourly > 0) estimatedCost = `$${(hourly * choice.size).toFixed(4)}/hour`;
  else if (choice.spec) warnings.push(`the cost of spec ${choice.spec.id} is unknown`);
  const status = errors.length ? 'Error' : warnings.length ? 'Warning' : 'Ready';
  return {
    overallStatus: status,
    overallMessage: errors.length
      ? `Cannot be created: ${errors.join('; ')}.`
      : `Every resource exists on ${choice.connectionName}.${warnings.length ? ` Note: ${warnings.join('; ')}.` : ''}`,
    creationViable: errors.length === 0,
    estimatedCost,
    totalVmCount: choice.size,
  };
}
