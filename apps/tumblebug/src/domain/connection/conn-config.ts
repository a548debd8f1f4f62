import type { Connection } from './connection';

/** Upstream's RegionDetail. */
export function toRegionDetail(connection: Connection) {
  return {
    regionId: connection.regionId,
    regionName: connection.regionId,
    description: connection.regionDisplay,
    location: {
      display: connection.regionDisplay,
      latitude: connection.latitude ?? 0,
      longitude: connection.longitude ?? 0,
    },
    zones: connection.zones,
    representativeZone: connection.zones[0] ?? '',
  };
}

/** Upstream's ConnConfig: the spider config plus where it points (resources embed it as `connectionConfig`). */
export function toConnConfig(connection: Connection) {
  return {
    configName: connection.configName,
    providerName: connection.providerName,
    driverName: connection.driverName,
    credentialName: connection.credentialName,
    credentialHolder: 'admin',
    regionZoneInfoName: connection.regionZoneInfoName,
    regionZoneInfo: { assignedRegion: connection.regionId, assignedZone: connection.zones[0] ?? '' },
    regionDetail: toRegionDetail(connection),
    regionRepresentative: true,
    verified: true,
  };
}
