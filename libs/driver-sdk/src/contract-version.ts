import semver from 'semver';

/**
 * The version of this contract. A driver states the version it was built against; a runtime accepts it
 * when the major matches and the driver asks for nothing newer than the runtime knows. Optional methods
 * (ClusterHandler.generateClusterToken) do not move it: a runtime checks for them before calling.
 */
export const DRIVER_CONTRACT_VERSION = '1.0.0';

export function isContractCompatible(driverContractVersion: string, runtimeVersion = DRIVER_CONTRACT_VERSION): boolean {
  const wanted = semver.valid(driverContractVersion);
  if (!wanted) return false;
  return semver.major(wanted) === semver.major(runtimeVersion) && semver.lte(wanted, runtimeVersion);
}
