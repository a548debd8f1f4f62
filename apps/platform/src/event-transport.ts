import { join } from 'node:path';
import { InProcessTransport, JetStreamTransport, type EventTransport } from '@cb/events';
import { eventStreamSettings, findOrStartNats, type LocalNats } from '@cb/runtime';
import type { Logger } from '@cb/telemetry';
import type { PlatformConfig } from './config';

export interface PlatformEvents {
  transport: EventTransport;
  /** For the banner: which transport was chosen and why. */
  description: string;
  stop(): Promise<void>;
}

/**
 * NATS_URL; else a server answering on 127.0.0.1:4222; else nats-server from PATH (store under
 * CB_DATA_DIR/nats, kept between starts); only when there is none, the in-process transport.
 * A NATS_URL that cannot be reached is an error, not a reason to fall back silently. The stream is
 * CB_EVENTS unless CB_EVENTS_STREAM / CB_EVENTS_SUBJECT_PREFIX say otherwise.
 */
export async function chooseEventTransport(config: PlatformConfig, logger: Logger): Promise<PlatformEvents> {
  const stream = eventStreamSettings();
  let nats: LocalNats;
  try {
    nats = await findOrStartNats({
      env: { ...process.env, NATS_URL: config.NATS_URL },
      storeDir: join(config.CB_DATA_DIR, 'nats'),
    });
  } catch (error) {
    if (config.NATS_URL) throw error;
    logger.warn({ reason: (error as Error).message }, 'no NATS server: events stay inside this process');
    const transport = new InProcessTransport({ logger });
    return {
      transport,
      description: 'in-process (no NATS server found; install nats-server for JetStream)',
      stop: () => transport.close(),
    };
  }

  let transport: JetStreamTransport;
  try {
    transport = await JetStreamTransport.connect(nats.url, { ...stream, logger });
  } catch (error) {
    await nats.stop();
    throw new Error(
      `cannot use NATS at ${nats.url}${config.NATS_URL ? ' (NATS_URL)' : ''}: ${(error as Error).message}`,
    );
  }
  const how = {
    NATS_URL: 'from NATS_URL',
    'localhost:4222': 'already running',
    'nats-server': `nats-server started here, store in ${config.CB_DATA_DIR}/nats`,
  }[nats.origin];
  return {
    transport,
    description: `NATS JetStream at ${nats.url} (${how})${stream.stream ? `, stream ${stream.stream}` : ''}`,
    stop: async () => {
      await transport.close();
      await nats.stop();
    },
  };
}
