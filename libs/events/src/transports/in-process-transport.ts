import { subjectMatches, type SubjectFilter } from '../catalog';
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

export interface InProcessTransportOptions {
  /** Events kept for consumers that subscribe later or are away (default 10 000; oldest dropped). */
  maxEvents?: number;
  logger?: EventsLogger;
}

interface Consumer {
  filters: readonly SubjectFilter[];
  /** Sequence of the next event to look at: the durable position, kept while unsubscribed. */
  next: number;
  handler?: DeliveryHandler;
  options: Required<SubscribeOptions>;
  pumping?: Promise<void>;
}

/**
 * The single-process platform's transport when no NATS server is available. It mirrors the
 * JetStream transport: one ordered log, durable consumers that resume where they stopped,
 * listeners that see what is published after they start, ack after the handler resolves,
 * redelivery after a delay when it throws, de-duplication by id.
 */
export class InProcessTransport implements EventTransport {
  private readonly log: Array<OutgoingEvent & { seq: number }> = [];
  private readonly seen = new Set<string>();
  private readonly consumers = new Map<string, Consumer>();
  /** Listeners are consumers without a name: each reads the log on its own and is forgotten on stop. */
  private readonly listeners = new Set<Consumer>();
  private firstSeq = 1;
  private closed = false;
  private readonly maxEvents: number;
  private readonly logger: EventsLogger;

  constructor(options: InProcessTransportOptions = {}) {
    this.maxEvents = options.maxEvents ?? 10_000;
    this.logger = options.logger ?? consoleLogger;
  }

  async publish(event: OutgoingEvent): Promise<void> {
    if (this.closed) throw new Error('event transport is closed');
    if (this.seen.has(event.id)) return;
    this.seen.add(event.id);
    this.log.push({
      ...event,
      data: event.data.slice(),
      headers: { ...event.headers },
      seq: this.firstSeq + this.log.length,
    });
    if (this.log.length > this.maxEvents) {
      this.seen.delete(this.log.shift()!.id);
      this.firstSeq++;
    }
    for (const consumer of [...this.consumers.values(), ...this.listeners]) this.pump(consumer);
  }

  async subscribe(
    consumerName: string,
    subjects: readonly SubjectFilter[],
    handler: DeliveryHandler,
    options: SubscribeOptions = {},
  ): Promise<Subscription> {
    assertConsumerName(consumerName);
    let consumer = this.consumers.get(consumerName);
    if (consumer?.handler) throw new Error(`consumer "${consumerName}" is already subscribed in this process`);
    consumer ??= { filters: subjects, next: this.firstSeq, options: { retryDelayMs: 1000, maxDeliver: 10 } };
    consumer.filters = subjects;
    consumer.options = { retryDelayMs: options.retryDelayMs ?? 1000, maxDeliver: options.maxDeliver ?? 10 };
    consumer.handler = handler;
    this.consumers.set(consumerName, consumer);
    this.pump(consumer);
    const active = consumer;
    return {
      stop: async () => {
        active.handler = undefined;
        await active.pumping;
      },
    };
  }

  async listen(
    listenerName: string,
    subjects: readonly SubjectFilter[],
    handler: DeliveryHandler,
    options: SubscribeOptions = {},
  ): Promise<Subscription> {
    assertConsumerName(listenerName);
    const listener: Consumer = {
      filters: subjects,
      next: this.firstSeq + this.log.length,
      handler,
      options: { retryDelayMs: options.retryDelayMs ?? 1000, maxDeliver: options.maxDeliver ?? 10 },
    };
    this.listeners.add(listener);
    return {
      stop: async () => {
        listener.handler = undefined;
        this.listeners.delete(listener);
        await listener.pumping;
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const consumers = [...this.consumers.values(), ...this.listeners];
    for (const consumer of consumers) consumer.handler = undefined;
    await Promise.all(consumers.map((consumer) => consumer.pumping));
  }

  private pump(consumer: Consumer): void {
    consumer.pumping ??= this.deliver(consumer).finally(() => {
      consumer.pumping = undefined;
      // An event may have arrived between the last look and the end of the loop.
      if (consumer.handler && consumer.next < this.firstSeq + this.log.length) this.pump(consumer);
    });
  }

  private async deliver(consumer: Consumer): Promise<void> {
    while (consumer.handler && consumer.next < this.firstSeq + this.log.length) {
      consumer.next = Math.max(consumer.next, this.firstSeq);
      const event = this.log[consumer.next - this.firstSeq];
      const wanted = consumer.filters.some((filter) => subjectMatches(filter, event.subject));
      if (!wanted || (await this.deliverOne(consumer, event))) consumer.next++;
    }
  }

  /** Retries one event until it is handled or given up (true), or the consumer stops (false: it stays next). */
  private async deliverOne(consumer: Consumer, event: OutgoingEvent): Promise<boolean> {
    for (let deliveryCount = 1; consumer.handler; deliveryCount++) {
      try {
        const { id, subject, data, headers } = event;
        await consumer.handler({ id, subject, data: data.slice(), headers: { ...headers }, deliveryCount });
        return true;
      } catch (err) {
        if (deliveryCount >= consumer.options.maxDeliver) {
          this.logger.error(
            { id: event.id, subject: event.subject, deliveryCount, err },
            'event given up after max deliveries',
          );
          return true;
        }
        await new Promise((resolve) => setTimeout(resolve, consumer.options.retryDelayMs));
      }
    }
    return false;
  }
}
