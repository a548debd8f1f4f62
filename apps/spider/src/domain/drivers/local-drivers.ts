import mockDriver, { MOCK_DRIVER_LIB_FILE_NAME } from '@cb/driver-mock';
import { DriverRegistry } from '@cb/driver-sdk';
import type { ServiceLogger } from '@cb/runtime';

/**
 * The drivers spider has without asking hub: the built-in mock, then every driver module of `driverDir`
 * (SPIDER_DRIVER_DIR), each under its file name as DriverLibFileName. A module that fails its checks is
 * logged and skipped; a directory that cannot be read stops the start (a bad setting, named).
 */
export async function localDrivers(driverDir: string | undefined, logger: ServiceLogger): Promise<DriverRegistry> {
  const drivers = new DriverRegistry();
  drivers.register(MOCK_DRIVER_LIB_FILE_NAME, mockDriver);
  if (driverDir === undefined) return drivers;
  const { loaded, refused } = await drivers.loadFromDirectory(driverDir);
  logger.info({ driverDir, loaded }, 'drivers loaded from directory');
  for (const { fileName, reason } of refused) {
    logger.error({ driverDir, fileName, reason }, 'driver module refused');
  }
  return drivers;
}
