import { JetStreamTransport } from '@cb/events';
import { runMain } from '@cb/runtime';
import { createLogger } from '@cb/telemetry';
import { waterstriderService } from './index';

// The console alone (:1234). Live updates need the platform's events: NATS_URL turns them on.
void runMain('waterstrider', async () => {
  const logger = createLogger('waterstrider');
  const events = process.env.NATS_URL ? await JetStreamTransport.connect(process.env.NATS_URL, { logger }) : undefined;
  const service = await waterstriderService.create(process.env, { events, logger });
  await service.start();
  return {
    stop: async () => {
      await service.stop();
      await events?.close();
    },
  };
});
