import type { DriverRegistry } from '@cb/driver-sdk';
import { createEventBus, type EventTransport, type Subscription } from '@cb/events';
import { type AppError, InvalidArgumentError, isAppError, NotFoundError, UnavailableError } from '@cb/errors';
import { type HubClient, HubDriverSource, hubDriverRefOf, type LoadedHubDriver } from '@cb/hub-client';
import type { ServiceLogger } from '@cb/runtime';

export const DRIVER_PUBLISHED = 'cb.hub.driver.published';

export interface HubDriverLoaderOptions {
  hub: HubClient;
  /** For messages: where hub is. */
  hubAddress: string;
  registry: DriverRegistry;
  /** Where verified artifacts are kept between loads (and restarts). */
  cacheDir: string;
  logger: ServiceLogger;
}

/**
 * Drivers spider does not ship come from hub: fetched (sha256 checked on arrival and again on the cached
 * file before any of it runs), checked against the driver contract, and registered under the
 * DriverLibFileName spider was given. Failures are told in the caller's terms: hub has no such driver
 * (404), hub cannot be reached (503), or what hub sent was refused (400, with the reason).
 */
export class HubDriverLoader {
  private readonly source: HubDriverSource;
  /** One fetch per lib file name at a time: concurrent callers wait for the same load. */
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly options: HubDriverLoaderOptions) {
    this.source = new HubDriverSource({ hub: options.hub, registry: options.registry, cacheDir: options.cacheDir });
  }

  /** Makes sure `libFileName` is in the registry: built in, loaded before, or fetched from hub now. */
  async ensure(libFileName: string): Promise<void> {
    if (this.options.registry.has(libFileName)) return;
    let loading = this.pending.get(libFileName);
    if (!loading) {
      loading = this.fetch(libFileName).finally(() => this.pending.delete(libFileName));
      this.pending.set(libFileName, loading);
    }
    await loading;
  }

  /**
   * `cb.hub.driver.published`: drivers loaded from hub under that name move to the new version when their
   * range takes it. A release that fails verification is logged and the driver in use stays; only an
   * unreachable hub is thrown, so that the event comes again later.
   */
  async onPublished(event: { name: string; version: string }): Promise<string[]> {
    try {
      const reloaded = await this.source.onPublished(event);
      if (reloaded.length) this.options.logger.info({ ...event, reloaded }, 'driver reloaded from hub');
      return reloaded;
    } catch (error) {
      if (isAppError(error) && (error.code === 'UNAVAILABLE' || error.code === 'TIMEOUT')) throw error;
      const reason = (error as Error).message;
      this.options.logger.error({ ...event, reason }, 'published driver refused; keeping the loaded one');
      return [];
    }
  }

  /**
   * Listens to `cb.hub.driver.published`. Every spider process holds its own loaded drivers, so each needs
   * every event: a listener of this process, gone with it. While hub is unreachable the event is retried a
   * few times, spaced out; a driver it misses is still fetched anew after a restart.
   */
  subscribe(transport: EventTransport): Promise<Subscription> {
    return createEventBus({ transport }).listen(
      'spider-driver-loader',
      [DRIVER_PUBLISHED],
      async (event) => {
        await this.onPublished(event.payload);
      },
      { retryDelayMs: 5000 },
    );
  }

  close(): void {
    this.options.hub.close();
  }

  loadedDrivers(): LoadedHubDriver[] {
    return this.source.loadedDrivers();
  }

  private async fetch(libFileName: string): Promise<void> {
    try {
      const loaded = await this.source.load(libFileName);
      this.options.logger.info(
        { libFileName, driver: loaded.ref.name, version: loaded.version, sha256: loaded.sha256 },
        'driver loaded from hub',
      );
    } catch (error) {
      throw this.explain(libFileName, error);
    }
  }

  private explain(libFileName: string, error: unknown): AppError {
    if (!isAppError(error)) throw error;
    const ref = hubDriverRefOf(libFileName);
    const field = { field: 'DriverLibFileName' };
    switch (error.code) {
      case 'NOT_FOUND':
        return new NotFoundError(
          `driver library '${libFileName}' is not built into spider and hub has no driver '${ref.name}' ${ref.version}: ${error.message}`,
          field,
        );
      case 'UNAVAILABLE':
      case 'TIMEOUT':
        return new UnavailableError(
          `driver library '${libFileName}' is not built into spider and hub (${this.options.hubAddress}) cannot be reached: ${error.message}`,
        );
      default:
        return new InvalidArgumentError(
          `driver library '${libFileName}' from hub was refused: ${error.message}`,
          field,
        );
    }
  }
}
