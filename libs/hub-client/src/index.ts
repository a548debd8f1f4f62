export {
  ArtifactIntegrityError,
  createHubClient,
  type DownloadedDriver,
  type HubClient,
  type HubClientOptions,
} from './hub-client';
export { publishDriver, type HubRestTarget, type PublishedRelease } from './publish-driver';
export { hubDriverRefOf, type HubDriverRef } from './driver-lib-file-name';
export { HubDriverSource, type HubDriverSourceOptions, type LoadedHubDriver } from './hub-driver-source';
