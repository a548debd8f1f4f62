import type { CloudConnection, DriverCapabilityInfo } from '@cb/driver-sdk';
import { required } from '../calls';
import type { ConnectionScope } from './connection-scope';

const regionZone = (scope: ConnectionScope) => (cloud: CloudConnection) =>
  required(cloud.regionZone(), 'region/zone', scope.provider);
const vmSpec = (scope: ConnectionScope) => (cloud: CloudConnection) =>
  required(cloud.vmSpec(), 'VM specs', scope.provider);

/**
 * The cloud's own answers (upstream's `/orgregion`, `/orgzone`, `/vmorgspec`): the driver hands them over as
 * JSON text, and upstream embeds them as JSON, not as a string. Text that is not JSON stays a string.
 */
function embedded(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** What the region/zone and spec catalogs add beyond the lists the gRPC API shares (see api/grpc/driver-catalogs). */
export const driverCatalog = {
  async orgRegions(scope: ConnectionScope): Promise<unknown> {
    const label = { resourceType: 'regionzone', operation: 'listOrgRegion' };
    return embedded(await scope.call(label, (c) => regionZone(scope)(c).listOrgRegion()));
  },

  async orgZones(scope: ConnectionScope): Promise<unknown> {
    const label = { resourceType: 'regionzone', operation: 'listOrgZone' };
    return embedded(await scope.call(label, (c) => regionZone(scope)(c).listOrgZone()));
  },

  async orgSpecs(scope: ConnectionScope): Promise<unknown> {
    const label = { resourceType: 'vmspec', operation: 'listOrgVMSpec' };
    return embedded(await scope.call(label, (c) => vmSpec(scope)(c).listOrgVMSpec()));
  },

  async orgSpec(scope: ConnectionScope, name: string): Promise<unknown> {
    const label = { resourceType: 'vmspec', resourceName: name, operation: 'getOrgVMSpec' };
    return embedded(await scope.call(label, (c) => vmSpec(scope)(c).getOrgVMSpec(name)));
  },

  /** From the driver's manifest: no cloud call. */
  capability(scope: ConnectionScope): DriverCapabilityInfo {
    return structuredClone(scope.target.driver.manifest.Capabilities);
  },
};
