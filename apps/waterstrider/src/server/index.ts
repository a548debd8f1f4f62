import type { Server } from 'node:http';
import type { EventTransport } from '@cb/events';
import type { RunningService, ServiceDeps, ServiceModule } from '@cb/runtime';
import { buildAppIfStale, DIST_DIR } from './build-app';
import { loadWaterstriderConfig } from './config';
import { createConsoleApp } from './console-app';
import { PlatformEventStream } from './event-stream';

/** The web console as a service: builds the app if needed, serves it with SPA fallback and live events. */
export const waterstriderService: ServiceModule<EventTransport | undefined> = {
  name: 'waterstrider',
  async create(env: NodeJS.ProcessEnv, deps: ServiceDeps<EventTransport | undefined>): Promise<RunningService> {
    const config = loadWaterstriderConfig(env);
    const events = new PlatformEventStream(deps.events);
    const app = createConsoleApp({ distDir: DIST_DIR, username: config.username, password: config.password, events });
    let server: Server | undefined;
    let port = config.port;

    return {
      name: 'waterstrider',
      async start() {
        await buildAppIfStale((message) => deps.logger.info({}, message));
        await events.start();
        server = await new Promise<Server>((resolve, reject) => {
          const listening = app.listen(config.port, config.host, () => resolve(listening));
          listening.once('error', reject);
        });
        const address = server.address();
        if (address && typeof address === 'object') port = address.port;
        deps.logger.info({ url: `http://${config.host}:${port}/` }, 'waterstrider listening');
      },
      async stop() {
        await events.stop();
        if (server) {
          const closing = server;
          server = undefined;
          closing.closeAllConnections();
          await new Promise<void>((resolve) => closing.close(() => resolve()));
        }
      },
      endpoints: () => ({ rest: `http://${config.host}:${port}/` }),
    };
  },
};
