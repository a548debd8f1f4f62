import type { CloudConnection, CloudDriver, ConnectionInfo } from '@cb/driver-sdk';

/**
 * One live driver connection shared by every call to a connection config, instead of a connect and a
 * close per call (a real cloud SDK builds clients, signers and TLS sessions on connect). Opened on first
 * use; a failed connect is not kept, so the next call tries again. Once retired (the config, credential,
 * region or driver changed) it closes as soon as the calls still using it are done, and any late call
 * gets a connection of its own.
 */
export class SharedCloudConnection {
  private opening?: Promise<CloudConnection>;
  private users = 0;
  private retired = false;

  constructor(
    private readonly driver: CloudDriver,
    private readonly info: ConnectionInfo,
  ) {}

  async use<T>(work: (cloud: CloudConnection) => Promise<T>): Promise<T> {
    if (this.retired) return connectOnce(this.driver, this.info, work);
    this.users++;
    try {
      return await work(await this.open());
    } finally {
      this.users--;
      if (this.retired && this.users === 0) this.close();
    }
  }

  /** No new call will use it; it closes when idle. */
  retire(): void {
    if (this.retired) return;
    this.retired = true;
    if (this.users === 0) this.close();
  }

  private open(): Promise<CloudConnection> {
    this.opening ??= this.driver.connect(this.info).catch((error: unknown) => {
      this.opening = undefined;
      throw error;
    });
    return this.opening;
  }

  private close(): void {
    const opening = this.opening;
    this.opening = undefined;
    void opening?.then((cloud) => cloud.close()).catch(() => undefined);
  }
}

/** Connects for one piece of work and closes afterwards. */
export async function connectOnce<T>(
  driver: CloudDriver,
  info: ConnectionInfo,
  work: (cloud: CloudConnection) => Promise<T>,
): Promise<T> {
  const cloud = await driver.connect(info);
  try {
    return await work(cloud);
  } finally {
    await cloud.close().catch(() => undefined);
  }
}
