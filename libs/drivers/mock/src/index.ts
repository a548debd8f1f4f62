import { createMockDriver } from './mock-driver';

export { createMockDriver, type MockDriver, type MockDriverOptions } from './mock-driver';
export { MOCK_DRIVER_LIB_FILE_NAME, MOCK_DRIVER_MANIFEST } from './manifest';
export { type Clock, ManualClock, systemClock } from './clock';
export { parseMockConfig, type MockConfig, MAX_IMAGES_PER_REGION, PROFILE_NAMES, type ProfileName } from './config';
export { seededRandom } from './random';
export { mockConnectionInfo } from './connection-info';
export type { CatalogMetrics } from './catalog/image-catalog';
export { ADD_RATE, CHANGE_RATE, REMOVE_RATE } from './catalog/catalog-version';

/** The process-wide mock, state kept per MockName in memory as upstream's; what the registry loads. */
export const driver = createMockDriver();
export default driver;
