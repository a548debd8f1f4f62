import type { DescMessage } from '@bufbuild/protobuf';
import { Kind as Kinds, type MessagePlan, planOf, UNEXPECTED } from './message-plan';

// A module's own binding: an imported one is read through a getter on every use.
const Kind = Kinds;

/*
 * A binary decoder compiled once per message schema (see message-plan.ts), for proto3 schemas. It builds the
 * message protobuf-es's fromBinary builds (a plain object with `$typeName`, implicit fields at their zero
 * values, lists empty, absent messages and optional fields left out) without its reflection layer per field:
 * for streamed catalogs (100 images a message) fromBinary was a large part of the receiver's CPU. Anything it
 * does not expect (an unknown field, another wire type, a repeated singular message, a byte-order mark opening
 * a string) makes it give up, and the caller decodes with protobuf-es, which knows what to do with it.
 */

const BOM = 0xfeff;

/** Node's own slice behind `buffer.toString('utf8', start, end)`, without its argument checks. */
interface Utf8Slicing {
  utf8Slice(start: number, end: number): string;
}

class Decoding {
  private pos = 0;

  constructor(private readonly buffer: Buffer) {}

  run(plan: MessagePlan): Record<string, unknown> {
    return this.message(plan, this.buffer.length);
  }

  private message(plan: MessagePlan, end: number): Record<string, unknown> {
    const message: Record<string, unknown> = { $typeName: plan.typeName };
    for (const f of plan.fields) {
      if (f.kind === Kind.MessageList || f.kind === Kind.StringList) message[f.name] = [];
      else if (!f.implicit || f.kind === Kind.Message) continue;
      else if (f.kind === Kind.String) message[f.name] = '';
      else if (f.kind === Kind.Bool) message[f.name] = false;
      else message[f.name] = 0;
    }
    const buffer = this.buffer;
    while (this.pos < end) {
      const tag = this.varint();
      const f = plan.byNumber[tag >>> 3];
      if (!f || (tag & 7) !== f.wire) throw UNEXPECTED;
      switch (f.kind) {
        case Kind.String:
          message[f.name] = this.string(end);
          break;
        case Kind.Bool:
          message[f.name] = this.varint(true) !== 0;
          break;
        case Kind.Int32:
          message[f.name] = this.varint() | 0;
          break;
        case Kind.Uint32:
          message[f.name] = this.varint() >>> 0;
          break;
        case Kind.Sint32: {
          const v = this.varint();
          message[f.name] = (v >>> 1) ^ -(v & 1);
          break;
        }
        case Kind.Double:
          if (this.pos + 8 > end) throw UNEXPECTED;
          message[f.name] = buffer.readDoubleLE(this.pos);
          this.pos += 8;
          break;
        case Kind.Float:
          if (this.pos + 4 > end) throw UNEXPECTED;
          message[f.name] = buffer.readFloatLE(this.pos);
          this.pos += 4;
          break;
        case Kind.Message:
          if (message[f.name] !== undefined) throw UNEXPECTED; // a second occurrence merges: protobuf-es's job
          message[f.name] = this.nested(f.message!, end);
          break;
        case Kind.MessageList:
          (message[f.name] as unknown[]).push(this.nested(f.message!, end));
          break;
        case Kind.StringList:
          (message[f.name] as unknown[]).push(this.string(end));
          break;
      }
    }
    if (this.pos !== end) throw UNEXPECTED;
    return message;
  }

  private nested(plan: MessagePlan, end: number): Record<string, unknown> {
    if (!plan.proto3) throw UNEXPECTED;
    const length = this.varint();
    const nestedEnd = this.pos + length;
    if (nestedEnd > end) throw UNEXPECTED;
    return this.message(plan, nestedEnd);
  }

  private string(end: number): string {
    const length = this.varint();
    const start = this.pos;
    this.pos += length;
    if (this.pos > end) throw UNEXPECTED;
    const text = (this.buffer as unknown as Utf8Slicing).utf8Slice(start, this.pos);
    if (text.charCodeAt(0) === BOM) throw UNEXPECTED; // protobuf-es's TextDecoder drops a leading BOM
    return text;
  }

  /**
   * A varint's low 32 bits (as protobuf-es reads 32-bit fields: up to ten bytes, the rest dropped), or with
   * `any`, whether any of its bits is set (a bool).
   */
  private varint(any = false): number {
    const buffer = this.buffer;
    let value = 0;
    let rest = 0;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= buffer.length) throw UNEXPECTED;
      const byte = buffer[this.pos++];
      if (i < 5) value |= (byte & 0x7f) << (7 * i);
      else rest |= byte & 0x7f;
      if (i === 4) rest |= (byte & 0x7f) >>> 4;
      if (byte < 0x80) return any ? (value | rest) >>> 0 : value >>> 0;
    }
    throw UNEXPECTED;
  }
}

/** The message protobuf-es's fromBinary would build, or undefined when this decoder does not handle the bytes. */
export function decodeFast(schema: DescMessage, bytes: Buffer): Record<string, unknown> | undefined {
  const plan = planOf(schema);
  if (!plan?.proto3) return undefined;
  try {
    return new Decoding(bytes).run(plan);
  } catch (error) {
    if (error === UNEXPECTED) return undefined;
    throw error;
  }
}
