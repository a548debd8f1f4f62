import { eventStreamSettings, findOrStartNats, runMain, type ServiceModule } from '@cb/runtime';
import { createLogger, startTelemetry } from '@cb/telemetry';

/**
 * A service's own process (`apps/<name>/src/main.ts`); apps/platform runs the same ServiceModule with
 * every other service instead. Telemetry starts before the service's module (and with it express,
 * grpc and pg) is loaded, so that its instrumentations can patch them; hence `loadModule`.
 * Events go over NATS JetStream: NATS_URL, else a server on 127.0.0.1:4222, else nats-server from PATH,
 * in the stream CB_EVENTS_STREAM / CB_EVENTS_SUBJECT_PREFIX name (default CB_EVENTS, no prefix).
 */
export function runServiceAlone(name: string, loadModule: () => ServiceModule): void {
  const telemetry = startTelemetry({ serviceName: name });
  const logger = createLogger(name);

  void runMain(
    name,
    async () => {
      const stream = eventStreamSettings();
      const module = loadModule();
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { JetStreamTransport } = require('@cb/events') as typeof import('@cb/events');
      const nats = await findOrStartNats();
      const events = await JetStreamTransport.connect(nats.url, { ...stream, logger }).catch(async (error) => {
        await nats.stop();
        throw error;
      });
      const closeEvents = async () => {
        await events.close();
        await nats.stop();
      };
      try {
        const service = await module.create(process.env, { events, logger });
        await service.start();
        logger.info(service.endpoints(), `${name} started`);
        return {
          stop: async () => {
            await service.stop();
            await closeEvents();
            await telemetry.shutdown();
          },
        };
      } catch (error) {
        await closeEvents();
        throw error;
      }
    },
    logger,
  );
}
