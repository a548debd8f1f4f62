/** The MCIR kinds under /ns/{nsId}/resources/, spelled as upstream's paths and list wrappers. */
export const RESOURCE_TYPES = ['vNet', 'securityGroup', 'sshKey', 'image', 'spec', 'customImage', 'dataDisk'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export function isResourceType(value: string): value is ResourceType {
  return (RESOURCE_TYPES as readonly string[]).includes(value);
}

/** One resource of a namespace, as MCIS refers to it. */
export interface ResourceRef {
  nsId: string;
  /** 'subnet': a vNet's subnet, as `<vNetId>/<subnetId>`. */
  resourceType: ResourceType | 'subnet';
  resourceId: string;
}
