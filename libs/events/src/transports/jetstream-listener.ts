import {
  AckPolicy,
  DeliverPolicy,
  type ConsumerConfig,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { nanos, nuid, type NatsConnection } from '@nats-io/transport-node';
import type { DeliveryHandler, Subscription } from '../transport';
import { deliverMessages, type DeliverySettings } from './jetstream-delivery';

export interface ListenerSettings extends DeliverySettings {
  /** The one filter subject the server applies (wire form, prefix included). */
  filterSubject: string;
  ackWaitMs: number;
  /** The server deletes the consumer after this long without a pull from us (the process is gone). */
  inactiveThresholdMs: number;
}

/**
 * A broadcast listener over JetStream: an ephemeral pull consumer of its own, starting at the
 * next event, that the server removes `inactiveThresholdMs` after this process stops pulling, so a
 * crashed or killed process leaves nothing behind. stop() deletes it at once.
 *
 * Should the consumer vanish while we still run (a network partition longer than the threshold,
 * a server restart), a new one is made from the stream position after the last event seen, so
 * what is still in the stream is not missed.
 */
export class JetStreamListener implements Subscription {
  private stopped = false;
  private consumerName?: string;
  /** Stream sequence of the last event seen; undefined until the first consumer exists. */
  private lastSeq?: number;
  private messages?: ConsumerMessages;
  private running?: Promise<void>;
  private wakeUp?: () => void;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly js: JetStreamClient,
    private readonly settings: ListenerSettings,
    private readonly handler: DeliveryHandler,
  ) {}

  /** Resolves once the consumer exists: every event published after that reaches the handler. */
  static async start(
    nc: NatsConnection,
    jsm: JetStreamManager,
    js: JetStreamClient,
    settings: ListenerSettings,
    handler: DeliveryHandler,
  ): Promise<JetStreamListener> {
    const listener = new JetStreamListener(nc, jsm, js, settings, handler);
    const first = await listener.open();
    listener.running = listener.run(first);
    return listener;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeUp?.();
    await this.messages?.close();
    await this.running;
    await this.deleteConsumer();
  }

  private async run(messages: ConsumerMessages | undefined): Promise<void> {
    while (messages && !this.stopped) {
      this.messages = messages;
      try {
        await deliverMessages(messages, this.handler, this.settings, (seq) => (this.lastSeq = seq));
      } catch (err) {
        if (!this.stopped) {
          this.settings.logger.warn(
            { consumer: this.consumerName, err },
            'event listener lost its consumer; making a new one',
          );
        }
      }
      if (this.stopped || this.nc.isClosed()) return;
      messages = await this.reopen();
    }
    // stop() arrived while a new consumer was being made: nothing else will close it.
    await messages?.close();
  }

  /** Retries with a growing pause until a consumer exists again, the listener stops or the connection closes. */
  private async reopen(): Promise<ConsumerMessages | undefined> {
    for (let attempt = 0; !this.stopped && !this.nc.isClosed(); attempt++) {
      await this.deleteConsumer();
      try {
        return await this.open();
      } catch (err) {
        this.settings.logger.warn({ listener: this.settings.consumerName, err }, 'event listener cannot resubscribe');
        await this.pause(Math.min(30_000, 500 * 2 ** attempt));
      }
    }
    return undefined;
  }

  private async open(): Promise<ConsumerMessages> {
    const { stream, filterSubject, maxDeliver, ackWaitMs, inactiveThresholdMs } = this.settings;
    const name = `${this.settings.consumerName.slice(0, 40)}-${nuid.next()}`;
    const resumeAt = this.lastSeq === undefined ? undefined : this.lastSeq + 1;
    const config: Partial<ConsumerConfig> = {
      name,
      ack_policy: AckPolicy.Explicit,
      filter_subject: filterSubject,
      max_deliver: maxDeliver,
      ack_wait: nanos(ackWaitMs),
      inactive_threshold: nanos(inactiveThresholdMs),
      ...(resumeAt === undefined
        ? { deliver_policy: DeliverPolicy.New }
        : { deliver_policy: DeliverPolicy.StartSequence, opt_start_seq: resumeAt }),
    };
    const info = await this.jsm.consumers.add(stream, config);
    this.consumerName = info.name;
    // With DeliverPolicy.New the server reports the stream's last sequence as delivered.
    this.lastSeq ??= info.delivered.stream_seq;
    const consumer = await this.js.consumers.get(stream, info.name);
    // Pulls must come well inside the threshold, or the server takes a quiet listener for a dead one.
    const expires = Math.max(1000, Math.min(30_000, Math.floor(inactiveThresholdMs / 3)));
    return consumer.consume({ max_messages: 16, expires, abort_on_missing_resource: true });
  }

  private async deleteConsumer(): Promise<void> {
    const name = this.consumerName;
    this.consumerName = undefined;
    if (name && !this.nc.isClosed()) await this.jsm.consumers.delete(this.settings.stream, name).catch(() => false);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}
