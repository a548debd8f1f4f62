import { create, type DescField, type DescMessage, fromBinary, ScalarType, toBinary } from '@bufbuild/protobuf';
import * as proto from '@cb/proto';
import { decodeFast } from './fast-decode';
import { encodeFast } from './fast-encode';
import { planOf } from './message-plan';

/** Every message schema of every proto package the services speak. */
const schemas: DescMessage[] = Object.values(proto)
  .flatMap((namespace) => Object.values(namespace as Record<string, unknown>))
  .filter((value): value is DescMessage => (value as DescMessage | undefined)?.kind === 'message');

/** A seeded stream of [0, 1) values (mulberry32), so a failure shows the same input on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}

const TEXTS = ['', 'a', 'ubuntu-22.04', 'Ünïcödé 日本語 🚀', 'x'.repeat(70), 'é'.repeat(80), '\ud800 lone'];
const NUMBERS = [0, 1, -1, 127, 128, 16_384, 2_147_483_647, -2_147_483_648, 300];
const DOUBLES = [0, -0, 1.5, -2.25, 1e300, Number.NaN, Number.POSITIVE_INFINITY, 3.5];

function valueOf(field: DescField, rnd: () => number, depth: number): unknown {
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const scalar = (type: ScalarType) => {
    switch (type) {
      case ScalarType.STRING:
        return pick(TEXTS);
      case ScalarType.BOOL:
        return rnd() < 0.5;
      case ScalarType.UINT32:
        return Math.abs(pick(NUMBERS)) >>> 0;
      case ScalarType.DOUBLE:
      case ScalarType.FLOAT:
        return pick(DOUBLES);
      case ScalarType.INT64:
      case ScalarType.UINT64:
      case ScalarType.SINT64:
      case ScalarType.FIXED64:
      case ScalarType.SFIXED64:
        return BigInt(Math.abs(pick(NUMBERS)));
      case ScalarType.BYTES:
        return new Uint8Array([1, 2, 3]);
      default:
        return pick(NUMBERS);
    }
  };
  const message = (schema: DescMessage) => (depth > 3 ? {} : initOf(schema, rnd, depth + 1));
  switch (field.fieldKind) {
    case 'scalar':
      return scalar(field.scalar);
    case 'enum':
      return pick(field.enum.values).number;
    case 'message':
      return message(field.message);
    case 'list': {
      const length = Math.floor(rnd() * 4);
      return Array.from({ length }, () =>
        field.listKind === 'message'
          ? message(field.message)
          : field.listKind === 'enum'
            ? pick(field.enum.values).number
            : scalar(field.scalar),
      );
    }
    default:
      return undefined;
  }
}

/** A random plain init object of the schema: some fields left out, the others of every shape they may take. */
function initOf(schema: DescMessage, rnd: () => number, depth = 0): Record<string, unknown> {
  const init: Record<string, unknown> = {};
  for (const field of schema.fields) {
    if (field.oneof || rnd() < 0.25) continue;
    init[field.localName] = valueOf(field, rnd, depth);
  }
  return init;
}

describe('encodeFast', () => {
  const compiled = schemas.filter((schema) => planOf(schema));

  it('handles most schemas (the streamed images and specs among them)', () => {
    expect(compiled.length).toBeGreaterThan(schemas.length / 2);
    for (const name of ['ListImagesResponse', 'ListSpecsResponse']) {
      expect(compiled.map((schema) => schema.name)).toContain(name);
    }
  });

  it('writes the bytes protobuf-es writes, from init objects and messages alike', () => {
    const rnd = random(7);
    for (const schema of compiled) {
      for (let round = 0; round < 20; round++) {
        const init = initOf(schema, rnd);
        const expected = Buffer.from(toBinary(schema, create(schema, init)));
        expect({ schema: schema.typeName, bytes: encodeFast(schema, init) }).toEqual({
          schema: schema.typeName,
          bytes: expected,
        });
        expect(encodeFast(schema, create(schema, init))).toEqual(expected);
      }
    }
  });

  it('gives up on values of an unexpected type and on unknown fields, leaving them to protobuf-es', () => {
    const schema = proto.testkit.EchoRequestSchema;
    expect(encodeFast(schema, { text: 42 })).toBeUndefined();
    const message = create(schema, { text: 'hi' });
    message.$unknown = [{ no: 9, wireType: 0, data: new Uint8Array([1]) }];
    expect(encodeFast(schema, message)).toBeUndefined();
    expect(encodeFast(proto.testkit.SumRequestSchema, { number: 1n })).toBeUndefined();
  });
});

describe('decodeFast', () => {
  const compiled = schemas.filter((schema) => planOf(schema));

  it('builds the message protobuf-es builds', () => {
    const rnd = random(11);
    for (const schema of compiled) {
      for (let round = 0; round < 20; round++) {
        const bytes = Buffer.from(toBinary(schema, create(schema, initOf(schema, rnd))));
        expect({ schema: schema.typeName, message: decodeFast(schema, bytes) }).toStrictEqual({
          schema: schema.typeName,
          message: fromBinary(schema, bytes),
        });
      }
    }
  });

  it('gives up on what protobuf-es handles differently: unknown fields, other wire types, a leading BOM, cut bytes', () => {
    const schema = proto.testkit.EchoRequestSchema;
    const bytes = (init: Record<string, unknown>) => Buffer.from(toBinary(schema, create(schema, init)));
    expect(decodeFast(schema, bytes({ text: 'hi' }))).toStrictEqual(fromBinary(schema, bytes({ text: 'hi' })));
    expect(decodeFast(schema, Buffer.from([...bytes({ text: 'hi' }), 0x48, 0x01]))).toBeUndefined(); // field 9
    expect(decodeFast(schema, Buffer.from([0x08, 0x01]))).toBeUndefined(); // field 1 as a varint
    expect(decodeFast(schema, bytes({ text: '\ufeffhi' }))).toBeUndefined();
    expect(decodeFast(schema, bytes({ text: 'hello' }).subarray(0, 4))).toBeUndefined();
  });
});
