import {
  create,
  type DescMessage,
  type DescMethod,
  type DescService,
  fromBinary,
  isMessage,
  toBinary,
} from '@bufbuild/protobuf';
import type * as grpc from '@grpc/grpc-js';
import { decodeFast } from './fast-decode';
import { encodeFast } from './fast-encode';

/**
 * The grpc-js service definition of a protobuf-es service descriptor: protobuf-es generates no
 * grpc-js stubs, so the serializers of every method are derived here, once, from the descriptor.
 */
export function toGrpcDefinition(service: DescService): grpc.ServiceDefinition {
  const definition: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  for (const method of service.methods) definition[method.localName] = toMethodDefinition(method);
  return definition as grpc.ServiceDefinition;
}

function toMethodDefinition(method: DescMethod): grpc.MethodDefinition<unknown, unknown> {
  const { methodKind, input, output } = method;
  return {
    path: `/${method.parent.typeName}/${method.name}`,
    originalName: method.name,
    requestStream: methodKind === 'client_streaming' || methodKind === 'bidi_streaming',
    responseStream: methodKind === 'server_streaming' || methodKind === 'bidi_streaming',
    requestSerialize: (message) => serialize(input, message),
    requestDeserialize: (bytes) => deserialize(input, bytes),
    responseSerialize: (message) => serialize(output, message),
    responseDeserialize: (bytes) => deserialize(output, bytes),
  };
}

/**
 * Handlers and callers may hand over plain init objects (`{ text: 'hi' }`) or messages. Most schemas are written
 * by the compiled encoder straight from either; the rest are completed and written by protobuf-es.
 */
function serialize(schema: DescMessage, message: unknown): Buffer {
  const fast = encodeFast(schema, message);
  if (fast) return fast;
  const complete = isMessage(message, schema) ? message : create(schema, message as Record<string, unknown>);
  const bytes = toBinary(schema, complete);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength); // a view, not a copy
}

/** Most schemas are read by the compiled decoder; the rest (and anything it does not expect) by protobuf-es. */
function deserialize(schema: DescMessage, bytes: Buffer): unknown {
  return decodeFast(schema, bytes) ?? fromBinary(schema, bytes);
}
