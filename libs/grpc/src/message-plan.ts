import { type DescField, type DescMessage, ScalarType } from '@bufbuild/protobuf';

/*
 * How the compiled encoder and decoder see a message schema: its fields in number order, each with its tag and
 * kind, for the shapes most messages have (strings, 32-bit numbers, booleans, enums, doubles, nested and repeated
 * messages; no oneofs, maps, bytes or 64-bit integers). A schema with anything else has no plan and is left to
 * protobuf-es.
 */

/** Thrown (and caught by the encoder and decoder) when a value or a field is not of the expected shape. */
export const UNEXPECTED = Symbol('unexpected');

export enum Kind {
  String,
  Bool,
  Int32,
  Uint32,
  Sint32,
  Double,
  Float,
  Message,
  MessageList,
  StringList,
}

export interface FieldPlan {
  name: string;
  number: number;
  /** The wire type the field is written with. */
  wire: number;
  kind: Kind;
  /** The field's tag, already varint-encoded. */
  tag: number[];
  /** Implicit presence (proto3 plain fields): the zero value is not written. */
  implicit: boolean;
  message?: MessagePlan;
}

export interface MessagePlan {
  typeName: string;
  /** proto3: a decoded message is a plain object (no prototype chain tracks presence). */
  proto3: boolean;
  /** In field-number order. */
  fields: FieldPlan[];
  /** The fields by number. */
  byNumber: (FieldPlan | undefined)[];
}

// google.protobuf.FeatureSet.FieldPresence
const IMPLICIT = 2;
const LEGACY_REQUIRED = 3;
const EDITION_PROTO3 = 999; // google.protobuf.Edition.EDITION_PROTO3
export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_DELIMITED = 2;
export const WIRE_FIXED32 = 5;

const SCALAR_KINDS: Partial<Record<ScalarType, [Kind, number]>> = {
  [ScalarType.STRING]: [Kind.String, WIRE_DELIMITED],
  [ScalarType.BOOL]: [Kind.Bool, WIRE_VARINT],
  [ScalarType.INT32]: [Kind.Int32, WIRE_VARINT],
  [ScalarType.UINT32]: [Kind.Uint32, WIRE_VARINT],
  [ScalarType.SINT32]: [Kind.Sint32, WIRE_VARINT],
  [ScalarType.DOUBLE]: [Kind.Double, WIRE_FIXED64],
  [ScalarType.FLOAT]: [Kind.Float, WIRE_FIXED32],
};

function varintBytes(value: number): number[] {
  const bytes: number[] = [];
  let v = value >>> 0;
  while (v > 0x7f) {
    bytes.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  bytes.push(v);
  return bytes;
}

const plans = new Map<DescMessage, MessagePlan | null>();

/** The schema's plan, or undefined when some field (here or nested) is of a kind this encoder leaves alone. */
export function planOf(schema: DescMessage): MessagePlan | undefined {
  const known = plans.get(schema);
  if (known !== undefined) return known ?? undefined;
  const plan: MessagePlan = {
    typeName: schema.typeName,
    proto3: schema.file.edition === EDITION_PROTO3,
    fields: [],
    byNumber: [],
  };
  plans.set(schema, plan); // recursive schemas see the plan being built
  const fields: FieldPlan[] = [];
  for (const field of [...schema.fields].sort((a, b) => a.number - b.number)) {
    const compiled = fieldPlan(field);
    if (!compiled) {
      plans.set(schema, null);
      return undefined;
    }
    fields.push(compiled);
  }
  plan.fields = fields;
  for (const field of fields) plan.byNumber[field.number] = field;
  return plan;
}

function fieldPlan(field: DescField): FieldPlan | undefined {
  if (field.oneof || field.presence === LEGACY_REQUIRED) return undefined;
  const implicit = field.presence === IMPLICIT;
  const { number } = field;
  const at = (wire: number) => ({
    name: field.localName,
    number,
    wire,
    tag: varintBytes((number << 3) | wire),
    implicit,
  });
  switch (field.fieldKind) {
    case 'scalar': {
      const kind = SCALAR_KINDS[field.scalar];
      return kind && { ...at(kind[1]), kind: kind[0] };
    }
    case 'enum':
      return { ...at(WIRE_VARINT), kind: Kind.Int32 };
    case 'message': {
      if (field.delimitedEncoding) return undefined;
      const message = planOf(field.message);
      return message && { ...at(WIRE_DELIMITED), kind: Kind.Message, message };
    }
    case 'list': {
      if (field.listKind === 'message' && !field.delimitedEncoding) {
        const message = planOf(field.message);
        return message && { ...at(WIRE_DELIMITED), kind: Kind.MessageList, message };
      }
      if (field.listKind === 'scalar' && field.scalar === ScalarType.STRING) {
        return { ...at(WIRE_DELIMITED), kind: Kind.StringList };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
