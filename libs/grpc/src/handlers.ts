import type { DescMethod, DescService, MessageInitShape, MessageShape } from '@bufbuild/protobuf';
import type { GenService, GenServiceMethods } from '@bufbuild/protobuf/codegenv2';
import { isAppError } from '@cb/errors';
import type * as grpc from '@grpc/grpc-js';
import type { Readable } from 'node:stream';
import { toGrpcStatus } from './errors';
import { writeAll } from './write-all';

/** What a handler knows about the call it serves. */
export interface CallContext {
  /** The caller's metadata (headers). */
  metadata: grpc.Metadata;
  /** Aborted when the caller cancels or its deadline passes: hand it to slow work so it stops too. */
  signal: AbortSignal;
  /** The caller's deadline (Infinity when none). */
  deadline: grpc.Deadline;
  peer: string;
}

type In<M extends Pick<DescMethod, 'input'>> = MessageShape<M['input']>;
type Out<M extends Pick<DescMethod, 'output'>> = MessageInitShape<M['output']>;

/** A handler per method kind: unary -> async function, server streaming -> async generator, and so on. */
export type MethodHandler<M extends Pick<DescMethod, 'input' | 'output' | 'methodKind'>> =
  M['methodKind'] extends 'unary'
    ? (request: In<M>, ctx: CallContext) => Promise<Out<M>> | Out<M>
    : M['methodKind'] extends 'server_streaming'
      ? (request: In<M>, ctx: CallContext) => AsyncIterable<Out<M>> | Iterable<Out<M>>
      : M['methodKind'] extends 'client_streaming'
        ? (requests: AsyncIterable<In<M>>, ctx: CallContext) => Promise<Out<M>>
        : (requests: AsyncIterable<In<M>>, ctx: CallContext) => AsyncIterable<Out<M>> | Iterable<Out<M>>;

/** The implementation of a generated service: one handler per method, checked by the compiler. */
export type ServiceImpl<S extends GenService<GenServiceMethods>> = {
  [K in keyof S['method']]: MethodHandler<S['method'][K]>;
};

export interface HandlerHooks {
  /** Runs before every handler; throws to refuse the call (e.g. authentication). */
  guard(metadata: grpc.Metadata): void;
  /** Told about failures the caller only sees as INTERNAL, so they can be logged. */
  onInternalError?(error: unknown, path: string): void;
}

type AnyHandler = (input: unknown, ctx: CallContext) => unknown;
/** What every kind of grpc-js server call has in common. */
interface GrpcCall {
  readonly metadata: grpc.Metadata;
  readonly cancelled: boolean;
  getDeadline(): grpc.Deadline;
  getPeer(): string;
  once(event: 'cancelled', listener: () => void): unknown;
}
type WritableCall = grpc.ServerWritableStream<unknown, unknown> | grpc.ServerDuplexStream<unknown, unknown>;

/** Adapts typed promise/generator handlers to grpc-js callbacks and streams. */
export function toGrpcHandlers(
  service: DescService,
  impl: Record<string, unknown>,
  hooks: HandlerHooks,
): grpc.UntypedServiceImplementation {
  const handlers: grpc.UntypedServiceImplementation = {};
  for (const method of service.methods) {
    const handler = impl[method.localName];
    if (typeof handler !== 'function') {
      throw new TypeError(`${service.typeName}: no handler for method '${method.localName}'`);
    }
    handlers[method.localName] = adapt(method, handler.bind(impl) as AnyHandler, hooks);
  }
  return handlers;
}

function adapt(method: DescMethod, handler: AnyHandler, hooks: HandlerHooks): grpc.UntypedHandleCall {
  const path = `/${method.parent.typeName}/${method.name}`;
  const failure = (error: unknown): Partial<grpc.StatusObject> => {
    if (!isAppError(error)) hooks.onInternalError?.(error, path);
    return toGrpcStatus(error);
  };
  const respond = (call: GrpcCall, input: () => unknown, callback: grpc.sendUnaryData<unknown>): void => {
    const ctx = contextOf(call);
    new Promise((resolve) => {
      hooks.guard(call.metadata);
      resolve(handler(input(), ctx));
    }).then(
      (response) => callback(null, response),
      (error: unknown) => callback(failure(error)),
    );
  };
  const stream = async (call: WritableCall, input: () => unknown): Promise<void> => {
    const ctx = contextOf(call);
    try {
      hooks.guard(call.metadata);
      const completed = await writeAll(call, handler(input(), ctx) as AsyncIterable<unknown>, ctx.signal);
      if (completed) call.end();
    } catch (error) {
      // grpc-js turns an 'error' event on a server stream into the call's final status.
      if (!call.cancelled) call.emit('error', failure(error));
    }
  };

  switch (method.methodKind) {
    case 'unary':
      return (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) =>
        respond(call, () => call.request, callback);
    case 'client_streaming':
      return (call: grpc.ServerReadableStream<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) =>
        respond(call, () => requestsOf(call), callback);
    case 'server_streaming':
      return (call: grpc.ServerWritableStream<unknown, unknown>) => void stream(call, () => call.request);
    case 'bidi_streaming':
      return (call: grpc.ServerDuplexStream<unknown, unknown>) => void stream(call, () => requestsOf(call));
  }
}

function contextOf(call: GrpcCall): CallContext {
  const controller = new AbortController();
  if (call.cancelled) controller.abort();
  else call.once('cancelled', () => controller.abort());
  return { metadata: call.metadata, signal: controller.signal, deadline: call.getDeadline(), peer: call.getPeer() };
}

/**
 * The caller's request stream as an async iterable. Iterating a Node stream directly destroys it
 * at the end, and a destroyed bidi call can no longer send its responses and status.
 */
function requestsOf(call: Readable): AsyncIterable<unknown> {
  return call.iterator({ destroyOnReturn: false });
}
