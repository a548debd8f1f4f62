import type { DescMethod, MessageInitShape, MessageShape } from '@bufbuild/protobuf';
import type { GenService, GenServiceMethods } from '@bufbuild/protobuf/codegenv2';
import * as grpc from '@grpc/grpc-js';
import { addBearerToken, assertUsableToken } from './auth';
import { toGrpcDefinition } from './definition';
import { fromGrpcError, isServiceError } from './errors';
import { type RetryPolicy, withRetries } from './retry';
import { writeAll } from './write-all';

export interface GrpcClientOptions {
  /** Deadline of each call unless the call says otherwise; default 10 s. */
  deadlineMs?: number;
  /** Retries of unary calls failing with UNAVAILABLE; default 3. */
  retries?: number;
  /** First pause between retries (then doubling, with jitter); default 100 ms. */
  backoffMs?: number;
  /** Longest pause between retries; default 2 s. */
  maxBackoffMs?: number;
  onRetry?: RetryPolicy['onRetry'];
  /** Shared service token, sent as `authorization: Bearer <token>` (see createGrpcServer's `auth`). */
  token?: string;
  credentials?: grpc.ChannelCredentials;
  channelOptions?: grpc.ChannelOptions;
}

export interface CallOptions {
  /** This call's deadline, instead of the client's; `Infinity` for none (long streams). */
  deadlineMs?: number;
  /** Extra metadata (headers) for this call. */
  metadata?: Record<string, string>;
}

type In<M extends Pick<DescMethod, 'input'>> = MessageInitShape<M['input']>;
type Out<M extends Pick<DescMethod, 'output'>> = MessageShape<M['output']>;
type Requests<M extends Pick<DescMethod, 'input'>> = Iterable<In<M>> | AsyncIterable<In<M>>;

/** A promise per unary call, an async iterable per response stream, for each method kind. */
export type ClientMethod<M extends Pick<DescMethod, 'input' | 'output' | 'methodKind'>> =
  M['methodKind'] extends 'unary'
    ? (request: In<M>, options?: CallOptions) => Promise<Out<M>>
    : M['methodKind'] extends 'server_streaming'
      ? (request: In<M>, options?: CallOptions) => AsyncIterable<Out<M>>
      : M['methodKind'] extends 'client_streaming'
        ? (requests: Requests<M>, options?: CallOptions) => Promise<Out<M>>
        : (requests: Requests<M>, options?: CallOptions) => AsyncIterable<Out<M>>;

export type GrpcClient<S extends GenService<GenServiceMethods>> = {
  [K in keyof S['method']]: ClientMethod<S['method'][K]>;
} & {
  /** Closes the channel; calls in flight fail. */
  close(): void;
};

const DEFAULTS = { deadlineMs: 10_000, retries: 3, backoffMs: 100, maxBackoffMs: 2_000 };

/** A typed client of a generated service: deadlines on every call, UNAVAILABLE retried, errors as AppErrors. */
export function createGrpcClient<S extends GenService<GenServiceMethods>>(
  service: S,
  address: string,
  options: GrpcClientOptions = {},
): GrpcClient<S> {
  if (service.methods.some((method) => method.localName === 'close')) {
    throw new TypeError(`${service.typeName} has a method named 'close', which the client reserves`);
  }
  if (options.token !== undefined) assertUsableToken(options.token, 'token');
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const client = new grpc.Client(address, options.credentials ?? grpc.credentials.createInsecure(), {
    // Reconnect to a restarted peer about as fast as we retry, not after grpc's default 1 s..120 s.
    'grpc.initial_reconnect_backoff_ms': settings.backoffMs,
    'grpc.max_reconnect_backoff_ms': settings.maxBackoffMs,
    ...options.channelOptions,
  });
  const definition = toGrpcDefinition(service);

  const prepare = (callOptions: CallOptions = {}) => {
    const metadata = new grpc.Metadata();
    for (const [key, value] of Object.entries(callOptions.metadata ?? {})) metadata.set(key, value);
    if (options.token !== undefined) addBearerToken(metadata, options.token);
    return { metadata, deadline: Date.now() + (callOptions.deadlineMs ?? settings.deadlineMs) };
  };

  const methods: Record<string, unknown> = {};
  for (const method of service.methods) {
    const { path, requestSerialize: serialize, responseDeserialize: deserialize } = definition[method.localName];
    switch (method.methodKind) {
      case 'unary':
        methods[method.localName] = (request: unknown, callOptions?: CallOptions) => {
          const { metadata, deadline } = prepare(callOptions);
          return withRetries(path, settings, deadline, () =>
            settle<unknown>((callback) =>
              client.makeUnaryRequest(path, serialize, deserialize, request, metadata.clone(), { deadline }, callback),
            ),
          );
        };
        break;
      case 'server_streaming':
        methods[method.localName] = (request: unknown, callOptions?: CallOptions) => {
          const { metadata, deadline } = prepare(callOptions);
          return responsesOf(() =>
            client.makeServerStreamRequest(path, serialize, deserialize, request, metadata, { deadline }),
          );
        };
        break;
      case 'client_streaming':
        methods[method.localName] = (requests: Requests<DescMethod>, callOptions?: CallOptions) => {
          const { metadata, deadline } = prepare(callOptions);
          return settle<unknown>((callback) => {
            const call = client.makeClientStreamRequest(path, serialize, deserialize, metadata, { deadline }, callback);
            sendAll(call, requests);
          });
        };
        break;
      case 'bidi_streaming':
        methods[method.localName] = (requests: Requests<DescMethod>, callOptions?: CallOptions) => {
          const { metadata, deadline } = prepare(callOptions);
          return responsesOf(() => {
            const call = client.makeBidiStreamRequest(path, serialize, deserialize, metadata, { deadline });
            sendAll(call, requests);
            return call;
          });
        };
        break;
    }
  }
  return { ...methods, close: () => client.close() } as GrpcClient<S>;
}

/** Runs a callback-style call as a promise that rejects with an AppError. */
function settle<T>(start: (callback: (error: grpc.ServiceError | null, value?: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    start((error, value) => (error ? reject(fromGrpcError(error)) : resolve(value as T)));
  });
}

/** The responses of a call, read lazily; leaving the loop early cancels the call at the server. */
async function* responsesOf(open: () => grpc.ClientReadableStream<unknown>): AsyncGenerator<unknown> {
  const call = open();
  try {
    for await (const response of call) yield response;
  } catch (error) {
    throw isServiceError(error) ? fromGrpcError(error) : error;
  } finally {
    call.on('error', () => undefined); // the CANCELLED status our own cancel() causes is expected
    call.cancel();
  }
}

/** Streams the caller's requests up, respecting backpressure; a failing request source cancels the call. */
function sendAll(call: grpc.ClientWritableStream<unknown>, requests: Iterable<unknown> | AsyncIterable<unknown>): void {
  const finished = new AbortController();
  call.once('status', () => finished.abort());
  writeAll(call, requests, finished.signal).then(
    (completed) => completed && call.end(),
    () => call.cancel(),
  );
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
