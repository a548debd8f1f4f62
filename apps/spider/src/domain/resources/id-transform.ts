import { randomBytes } from 'node:crypto';
import type { IidKind } from '../../store/resources';

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';
/** Upstream's default `idmaxlength` (MOCK uses 255 for every kind). */
const DEFAULT_MAX_LENGTH = 255;
const XID_LENGTH = 20;

/**
 * A 20-character id in the shape of upstream's rs/xid: 4 bytes of seconds, then 8 random bytes, in
 * base32hex. Sorting by it follows creation time; collisions need the same second and 64 random bits.
 */
export function newXid(now = Date.now()): string {
  const bytes = Buffer.concat([Buffer.alloc(4), randomBytes(8)]);
  bytes.writeUInt32BE(Math.floor(now / 1000) >>> 0, 0);
  let value = BigInt(`0x${bytes.toString('hex')}`) << 4n; // 96 bits -> 100 bits = 20 base32 digits
  let out = '';
  for (let i = 0; i < XID_LENGTH; i++) {
    out = BASE32HEX[Number(value & 31n)] + out;
    value >>= 5n;
  }
  return out;
}

/**
 * The name a cloud gets for the user's `name` (upstream's spXID, ID transform ON): the name cooked to what
 * clouds accept, then `-` and a 20-character xid. `sg-` becomes `sg` because AWS reserves that prefix.
 * With ID transform OFF the user's name goes to the cloud unchanged.
 */
export function cloudNameFor(_kind: IidKind, name: string, transform: boolean, maxLength = DEFAULT_MAX_LENGTH): string {
  if (!transform) return name;
  let cooked = name
    .toLowerCase()
    .replace(/[^a-z0-9_-]/g, '')
    .replace(/^[^a-z]+/, '');
  cooked = (cooked || 'r').slice(0, Math.max(1, maxLength - XID_LENGTH - 1));
  return `${cooked}-${newXid()}`.replace(/_/g, '-').replace(/^sg-/, 'sg');
}
