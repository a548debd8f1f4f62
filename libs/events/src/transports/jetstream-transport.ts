import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  jetstreamManager,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, headers as natsHeaders, nanos, type NatsConnection } from '@nats-io/transport-node';
import type { SubjectFilter } from '../catalog';
import {
  assertConsumerName,
  consoleLogger,
  type DeliveryHandler,
  type EventTransport,
  type EventsLogger,
  type OutgoingEvent,
  type SubscribeOptions,
  type Subscription,
} from '../transport';
import { deliverMessages } from './jetstream-delivery';
import { JetStreamListener } from './jetstream-listener';

export interface JetStreamTransportOptions {
  /** Stream holding every event (default CB_EVENTS). */
  stream?: string;
  /** Put before every subject on the wire, e.g. `t1.` so tests share a server without sharing events. */
  subjectPrefix?: string;
  /** How long JetStream remembers event ids to drop duplicates (default 10 minutes). */
  duplicateWindowMs?: number;
  /** Time a handler gets before the event is delivered again (default 30 s). */
  ackWaitMs?: number;
  /**
   * How long the server keeps a listener's consumer after its process stopped pulling, e.g. because it
   * was killed (default 60 s, at least 3 s).
   */
  listenerInactiveMs?: number;
  logger?: EventsLogger;
}

/**
 * Events over NATS JetStream: one stream over `cb.>`, a durable pull consumer per consumer name and
 * an ephemeral one per listener, ack after the handler resolves, nak with a delay when it throws,
 * `Nats-Msg-Id` = event id so a re-published event is stored once. Works with nats-server 2.9 (one
 * filter subject per consumer: several filters become the stream-wide filter plus filtering here).
 */
export class JetStreamTransport implements EventTransport {
  private readonly js: JetStreamClient;
  private readonly stream: string;
  private readonly prefix: string;
  private readonly logger: EventsLogger;
  private readonly subscriptions = new Set<Subscription>();
  private ready?: Promise<void>;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly jsm: JetStreamManager,
    private readonly options: JetStreamTransportOptions,
    private readonly ownsConnection: boolean,
  ) {
    this.js = jetstream(nc);
    this.stream = options.stream ?? 'CB_EVENTS';
    this.prefix = options.subjectPrefix ?? '';
    this.logger = options.logger ?? consoleLogger;
    if ((options.listenerInactiveMs ?? 60_000) < 3000) throw new Error('listenerInactiveMs must be at least 3000');
  }

  /** Connects to `servers` (NATS_URL); close() closes that connection too. */
  static async connect(servers: string, options: JetStreamTransportOptions = {}): Promise<JetStreamTransport> {
    const nc = await connect({ servers, name: options.stream ?? 'cb-events', maxReconnectAttempts: -1 });
    try {
      return await JetStreamTransport.create(nc, options, true);
    } catch (err) {
      await nc.close();
      throw err;
    }
  }

  /** Uses a connection the caller owns and closes. */
  static async fromConnection(
    nc: NatsConnection,
    options: JetStreamTransportOptions = {},
  ): Promise<JetStreamTransport> {
    return JetStreamTransport.create(nc, options, false);
  }

  private static async create(nc: NatsConnection, options: JetStreamTransportOptions, owns: boolean) {
    const transport = new JetStreamTransport(nc, await jetstreamManager(nc), options, owns);
    await transport.ensureStream();
    return transport;
  }

  async publish(event: OutgoingEvent): Promise<void> {
    const headers = natsHeaders();
    for (const [key, value] of Object.entries(event.headers)) headers.set(key, value);
    await this.js.publish(this.prefix + event.subject, event.data, { msgID: event.id, headers });
  }

  async subscribe(
    consumerName: string,
    subjects: readonly SubjectFilter[],
    handler: DeliveryHandler,
    options: SubscribeOptions = {},
  ): Promise<Subscription> {
    assertConsumerName(consumerName);
    if (subjects.length === 0) throw new Error(`consumer "${consumerName}" subscribes to no subject`);
    const settings = this.deliverySettings(consumerName, subjects, options);
    await this.ensureConsumer(consumerName, this.wireFilter(subjects), settings.maxDeliver);
    const consumer = await this.js.consumers.get(this.stream, consumerName);
    const messages = await consumer.consume({ max_messages: 16 });
    const loop = deliverMessages(messages, handler, settings);
    const subscription: Subscription = {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await messages.close();
        await loop;
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  async listen(
    listenerName: string,
    subjects: readonly SubjectFilter[],
    handler: DeliveryHandler,
    options: SubscribeOptions = {},
  ): Promise<Subscription> {
    assertConsumerName(listenerName);
    if (subjects.length === 0) throw new Error(`listener "${listenerName}" listens to no subject`);
    const listener = await JetStreamListener.start(
      this.nc,
      this.jsm,
      this.js,
      {
        ...this.deliverySettings(listenerName, subjects, options),
        filterSubject: this.wireFilter(subjects),
        ackWaitMs: this.options.ackWaitMs ?? 30_000,
        inactiveThresholdMs: this.options.listenerInactiveMs ?? 60_000,
      },
      handler,
    );
    const subscription: Subscription = {
      stop: async () => {
        this.subscriptions.delete(subscription);
        await listener.stop();
      },
    };
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** Stops every subscription and listener (deleting the listeners' consumers); safe to call twice. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
    if (this.ownsConnection && !this.nc.isClosed()) await this.nc.drain();
  }

  private deliverySettings(name: string, filters: readonly SubjectFilter[], options: SubscribeOptions) {
    return {
      stream: this.stream,
      prefix: this.prefix,
      filters,
      maxDeliver: options.maxDeliver ?? 10,
      retryDelayMs: options.retryDelayMs ?? 1000,
      consumerName: name,
      logger: this.logger,
    };
  }

  /** nats-server 2.9 takes one filter subject per consumer: several become the whole stream, filtered here. */
  private wireFilter(filters: readonly SubjectFilter[]): string {
    return this.prefix + (filters.length === 1 ? filters[0] : 'cb.>');
  }

  /** Creates the stream, or brings an existing one to our settings: safe from every service at once. */
  private ensureStream(): Promise<void> {
    this.ready ??= (async () => {
      const config = {
        subjects: [`${this.prefix}cb.>`],
        duplicate_window: nanos(this.options.duplicateWindowMs ?? 10 * 60_000),
      };
      const exists = await this.jsm.streams.info(this.stream).then(
        () => true,
        () => false,
      );
      if (exists) await this.jsm.streams.update(this.stream, config);
      else
        await this.jsm.streams
          .add({ name: this.stream, ...config })
          .catch(() => this.jsm.streams.update(this.stream, config));
    })();
    return this.ready;
  }

  private async ensureConsumer(name: string, filterSubject: string, maxDeliver: number): Promise<void> {
    const config = {
      filter_subject: filterSubject,
      max_deliver: maxDeliver,
      ack_wait: nanos(this.options.ackWaitMs ?? 30_000),
    };
    const existing = await this.jsm.consumers.info(this.stream, name).catch(() => undefined);
    if (!existing) {
      await this.jsm.consumers.add(this.stream, {
        durable_name: name,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ...config,
      });
    } else if (existing.config.filter_subject !== filterSubject || existing.config.max_deliver !== maxDeliver) {
      await this.jsm.consumers.update(this.stream, name, config);
    }
  }
}
