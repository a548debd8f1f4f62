import type { McisCreator } from './create-mcis';
import type { MciDynamicReq } from './mcis-request';
import type { McisResources } from './ports';

const POLICY_TEXT: Record<string, string> = {
  continue: 'Keep the VMs that were created; failed ones stay in the MCI as Failed',
  rollback: 'Terminate and delete the whole MCI when any VM fails',
  refine: 'Terminate and remove only the failed VMs',
};

/** POST /mciDynamicReview: whether each subGroup can be created and what it would cost, creating nothing. */
export async function reviewDynamic(creator: McisCreator, resources: McisResources, nsId: string, req: MciDynamicReq) {
  await creator.requireNamespace(nsId);
  let total = 0;
  let cost = 0;
  const vmReviews = [];
  for (const group of req.subGroups) {
    const spec = await resources.spec(nsId, group.specId);
    const connectionName = group.connectionName || spec?.connectionName || '';
    const connection = connectionName ? await resources.connection(connectionName) : undefined;
    const image = connection ? await resources.image(nsId, group.imageId, connectionName) : undefined;
    const errors = [
      ...(spec ? [] : [`spec ${group.specId} does not exist`]),
      ...(spec && !connection ? [`connection ${connectionName} does not exist`] : []),
      ...(connection && !image ? [`image ${group.imageId} does not exist`] : []),
    ];
    const hourly = spec && spec.costPerHour > 0 ? spec.costPerHour * group.subGroupSize : 0;
    total += group.subGroupSize;
    cost += hourly;
    vmReviews.push({
      vmName: group.name,
      subGroupSize: group.subGroupSize,
      status: errors.length ? 'Error' : 'Ready',
      message: errors.length ? errors.join('; ') : 'can be created',
      canCreate: !errors.length,
      specValidation: {
        resourceId: group.specId,
        isAvailable: !!spec,
        status: spec ? 'OK' : 'Error',
        message: spec ? '' : errors[0],
        cspResourceId: spec?.cspSpecName ?? '',
      },
      imageValidation: {
        resourceId: group.imageId,
        isAvailable: !!image,
        status: image ? 'OK' : 'Error',
        message: image ? '' : `image ${group.imageId} does not exist`,
        cspResourceId: image?.cspImageName ?? '',
      },
      connectionName,
      providerName: connection?.providerName ?? spec?.providerName ?? '',
      regionName: connection?.regionId ?? spec?.regionName ?? '',
      estimatedCost: hourly ? `$${hourly.toFixed(4)}/hour` : 'unknown',
      info: [],
      warnings: spec && spec.costPerHour <= 0 ? ['cost of the spec is unknown'] : [],
      errors,
    });
  }
  const viable = vmReviews.every((r) => r.canCreate);
  const unique = <T>(values: T[]) => [...new Set(values)].filter(Boolean);
  return {
    overallStatus: viable ? (vmReviews.some((r) => r.warnings.length) ? 'Warning' : 'Ready') : 'Error',
    overallMessage: viable ? 'All subGroups can be created' : 'Some subGroups cannot be created',
    creationViable: viable,
    estimatedCost: `$${cost.toFixed(4)}/hour`,
    mciName: req.name,
    totalVmCount: total,
    policyOnPartialFailure: req.policyOnPartialFailure,
    policyDescription: POLICY_TEXT[req.policyOnPartialFailure],
    policyRecommendation:
      total > 10 && req.policyOnPartialFailure === 'continue' ? 'refine keeps a large MCI clean of failed VMs' : '',
    vmReviews,
    resourceSummary: {
      totalProviders: unique(vmReviews.map((r) => r.providerName)).length,
      totalRegions: unique(vmReviews.map((r) => r.regionName)).length,
      uniqueSpecs: unique(req.subGroups.map((g) => g.specId)),
      uniqueImages: unique(req.subGroups.map((g) => g.imageId)),
      connectionNames: unique(vmReviews.map((r) => r.connectionName)),
      providerNames: unique(vmReviews.map((r) => r.providerName)),
      regionNames: unique(vmReviews.map((r) => r.regionName)),
      availableSpecs: vmReviews.filter((r) => r.specValidation.isAvailable).length,
      unavailableSpecs: vmReviews.filter((r) => !r.specValidation.isAvailable).length,
      availableImages: vmReviews.filter((r) => r.imageValidation.isAvailable).length,
      unavailableImages: vmReviews.filter((r) => !r.imageValidation.isAvailable).length,
    },
    recommendations: viable ? [] : ['fix the errors of each subGroup before creating'],
  };
}
