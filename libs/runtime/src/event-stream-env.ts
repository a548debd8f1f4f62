import { z } from 'zod';
import { parseEnv } from './env';

const EventStreamEnv = z.object({
  CB_EVENTS_STREAM: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1-64 letters, digits, _ or - (a JetStream stream name)')
    .optional(),
  CB_EVENTS_SUBJECT_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9_-]+\.)+$/, 'must be subject tokens each followed by a dot, e.g. "test1."')
    .optional(),
});

/** Where a process's events live on a NATS server: JetStreamTransport's `stream` and `subjectPrefix`. */
export interface EventStreamSettings {
  stream?: string;
  subjectPrefix?: string;
}

/**
 * CB_EVENTS_STREAM (default CB_EVENTS) and CB_EVENTS_SUBJECT_PREFIX (default none) put a platform's
 * events in a stream of their own. Nothing needs them in a deployment; they keep a test that starts
 * services as processes on a shared NATS server out of everyone else's stream and durable consumers.
 */
export function eventStreamSettings(env: NodeJS.ProcessEnv = process.env): EventStreamSettings {
  const parsed = parseEnv(EventStreamEnv, env);
  return {
    ...(parsed.CB_EVENTS_STREAM ? { stream: parsed.CB_EVENTS_STREAM } : {}),
    ...(parsed.CB_EVENTS_SUBJECT_PREFIX ? { subjectPrefix: parsed.CB_EVENTS_SUBJECT_PREFIX } : {}),
  };
}
