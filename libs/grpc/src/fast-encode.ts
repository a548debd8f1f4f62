import type { DescMessage } from '@bufbuild/protobuf';
import { Kind as Kinds, type FieldPlan, type MessagePlan, planOf, UNEXPECTED } from './message-plan';

// A module's own binding: an imported one is read through a getter on every use.
const Kind = Kinds;

/*
 * A binary encoder compiled once per message schema (see message-plan.ts). It writes
 * what protobuf-es's toBinary writes (same fields, same order, same bytes) straight from a plain init object or
 * a message, without completing the object first and without a reflection layer per field: for streamed
 * catalogs (100 images a message) protobuf-es's generic path was most of the sender's CPU. Anything it does not
 * expect (an unexpected value type, unknown fields) makes it give up, and the caller encodes with protobuf-es.
 */

const varintLength = (v: number) => (v < 0x80 ? 1 : v < 0x4000 ? 2 : v < 0x200000 ? 3 : v < 0x10000000 ? 4 : 5);

function utf8Length(text: string): number {
  if (text.length > 64) return Buffer.byteLength(text, 'utf8');
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return Buffer.byteLength(text, 'utf8');
  return text.length;
}

const isInt32 = (v: unknown): v is number => typeof v === 'number' && (v | 0) === v;
const FLOAT_MAX = 3.4028234663852886e38;

/**
 * One encoding: a first pass sizes every nested message and string (kept in `sizes`, in the order the second
 * pass meets them), the second writes into one buffer of exactly that size.
 */
class Encoding {
  private sizes: number[] = [];
  private next = 0;
  private buffer!: Buffer;
  private pos = 0;

  run(plan: MessagePlan, message: Record<string, unknown>): Buffer {
    const size = this.size(plan, message);
    this.buffer = Buffer.allocUnsafe(size);
    this.write(plan, message);
    return this.buffer;
  }

  private size(plan: MessagePlan, message: Record<string, unknown>): number {
    const unknown = message.$unknown as unknown[] | undefined;
    if (unknown !== undefined && unknown.length > 0) throw UNEXPECTED;
    let n = 0;
    for (const f of plan.fields) {
      const v = message[f.name];
      if (v === undefined || v === null) continue;
      switch (f.kind) {
        case Kind.String: {
          if (typeof v !== 'string') throw UNEXPECTED;
          if (f.implicit && v.length === 0) continue;
          const length = utf8Length(v);
          this.sizes.push(length);
          n += f.tag.length + varintLength(length) + length;
          break;
        }
        case Kind.Bool:
          if (typeof v !== 'boolean') throw UNEXPECTED;
          if (f.implicit && !v) continue;
          n += f.tag.length + 1;
          break;
        case Kind.Int32:
          if (!isInt32(v)) throw UNEXPECTED;
          if (f.implicit && v === 0) continue;
          n += f.tag.length + (v < 0 ? 10 : varintLength(v));
          break;
        case Kind.Uint32:
          if (typeof v !== 'number' || v >>> 0 !== v) throw UNEXPECTED;
          if (f.implicit && v === 0) continue;
          n += f.tag.length + varintLength(v);
          break;
        case Kind.Sint32:
          if (!isInt32(v)) throw UNEXPECTED;
          if (f.implicit && v === 0) continue;
          n += f.tag.length + varintLength(((v << 1) ^ (v >> 31)) >>> 0);
          break;
        case Kind.Double:
          if (typeof v !== 'number') throw UNEXPECTED;
          if (f.implicit && Object.is(v, 0)) continue; // -0 is written, as protobuf-es does
          n += f.tag.length + 8;
          break;
        case Kind.Float:
          if (typeof v !== 'number' || (Number.isFinite(v) && Math.abs(v) > FLOAT_MAX)) throw UNEXPECTED;
          if (f.implicit && Object.is(v, 0)) continue;
          n += f.tag.length + 4;
          break;
        case Kind.Message:
          n += this.sizeNested(f, v);
          break;
        case Kind.MessageList:
          if (!Array.isArray(v)) throw UNEXPECTED;
          for (const item of v) n += this.sizeNested(f, item);
          break;
        case Kind.StringList:
          if (!Array.isArray(v)) throw UNEXPECTED;
          for (const item of v) {
            if (typeof item !== 'string') throw UNEXPECTED;
            const length = utf8Length(item);
            this.sizes.push(length);
            n += f.tag.length + varintLength(length) + length;
          }
          break;
      }
    }
    return n;
  }

  private sizeNested(f: FieldPlan, v: unknown): number {
    if (typeof v !== 'object' || v === null) throw UNEXPECTED;
    const at = this.sizes.length;
    this.sizes.push(0);
    const size = this.size(f.message!, v as Record<string, unknown>);
    this.sizes[at] = size;
    return f.tag.length + varintLength(size) + size;
  }

  private write(plan: MessagePlan, message: Record<string, unknown>): void {
    const buffer = this.buffer;
    for (const f of plan.fields) {
      const v = message[f.name];
      if (v === undefined || v === null) continue;
      switch (f.kind) {
        case Kind.String:
          if (f.implicit && (v as string).length === 0) continue;
          this.tag(f);
          this.string(v as string);
          break;
        case Kind.Bool:
          if (f.implicit && !v) continue;
          this.tag(f);
          buffer[this.pos++] = v ? 1 : 0;
          break;
        case Kind.Int32:
        case Kind.Uint32:
        case Kind.Sint32: {
          const n = v as number;
          if (f.implicit && n === 0) continue;
          this.tag(f);
          if (f.kind === Kind.Sint32) this.varint(((n << 1) ^ (n >> 31)) >>> 0);
          else if (n < 0) this.negative(n);
          else this.varint(n);
          break;
        }
        case Kind.Double:
          if (f.implicit && Object.is(v, 0)) continue;
          this.tag(f);
          this.pos = buffer.writeDoubleLE(v as number, this.pos);
          break;
        case Kind.Float:
          if (f.implicit && Object.is(v, 0)) continue;
          this.tag(f);
          this.pos = buffer.writeFloatLE(v as number, this.pos);
          break;
        case Kind.Message:
          this.nested(f, v as Record<string, unknown>);
          break;
        case Kind.MessageList:
          for (const item of v as Record<string, unknown>[]) this.nested(f, item);
          break;
        case Kind.StringList:
          for (const item of v as string[]) {
            this.tag(f);
            this.string(item);
          }
          break;
      }
    }
  }

  private nested(f: FieldPlan, v: Record<string, unknown>): void {
    this.tag(f);
    this.varint(this.sizes[this.next++]);
    this.write(f.message!, v);
  }

  private tag(f: FieldPlan): void {
    for (const byte of f.tag) this.buffer[this.pos++] = byte;
  }

  private string(text: string): void {
    const length = this.sizes[this.next++];
    this.varint(length);
    const buffer = this.buffer;
    if (length === text.length && length <= 64) {
      for (let i = 0; i < length; i++) buffer[this.pos + i] = text.charCodeAt(i);
    } else {
      buffer.write(text, this.pos, length, 'utf8');
    }
    this.pos += length;
  }

  private varint(value: number): void {
    let v = value;
    while (v > 0x7f) {
      this.buffer[this.pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buffer[this.pos++] = v;
  }

  /** A negative int32 is written as its 64-bit two's complement: ten bytes. */
  private negative(value: number): void {
    let v = value >>> 0;
    for (let i = 0; i < 4; i++) {
      this.buffer[this.pos++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    this.buffer[this.pos++] = (v & 0x7f) | 0x70 | 0x80; // bits 28-31, then the sign extension
    for (let i = 0; i < 4; i++) this.buffer[this.pos++] = 0xff;
    this.buffer[this.pos++] = 0x01;
  }
}

/** The message's bytes as protobuf-es would write them, or undefined when this encoder does not handle it. */
export function encodeFast(schema: DescMessage, message: unknown): Buffer | undefined {
  const plan = planOf(schema);
  if (!plan || typeof message !== 'object' || message === null) return undefined;
  try {
    return new Encoding().run(plan, message as Record<string, unknown>);
  } catch (error) {
    if (error === UNEXPECTED) return undefined;
    throw error;
  }
}
