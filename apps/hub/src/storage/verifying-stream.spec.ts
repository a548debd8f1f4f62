import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { IntegrityError, verifyingStream } from './verifying-stream';

const expectedOf = (content: string) => ({
  sha256: createHash('sha256').update(content).digest('hex'),
  size: Buffer.byteLength(content),
});

describe('verifyingStream', () => {
  const chunks = ['first ', 'second ', 'last'];

  it('passes matching bytes through, running beforeLastChunk before the end is released', async () => {
    const order: string[] = [];
    const stream = verifyingStream(expectedOf(chunks.join('')), {
      beforeLastChunk: async () => void order.push('logged'),
      onMismatch: async () => void order.push('mismatch'),
    });
    stream.on('data', (chunk: Buffer) => order.push(chunk.toString()));
    await text(Readable.from(chunks.map((c) => Buffer.from(c))).pipe(stream));
    // Chunks may be merged on the way; what matters is that the end comes only after the log.
    expect(order.indexOf('logged')).toBeLessThan(order.indexOf('last'));
    expect(order.filter((part) => part !== 'logged').join('')).toBe('first second last');
  });

  it('fails without ever releasing the last chunk when the bytes differ', async () => {
    const seen: string[] = [];
    let mismatches = 0;
    const stream = verifyingStream(expectedOf('first second lasT'), {
      beforeLastChunk: async () => undefined,
      onMismatch: async () => void mismatches++,
    });
    stream.on('data', (chunk: Buffer) => seen.push(chunk.toString()));
    await expect(text(Readable.from(chunks.map((c) => Buffer.from(c))).pipe(stream))).rejects.toBeInstanceOf(
      IntegrityError,
    );
    expect(seen.join('')).toBe('first second ');
    expect(mismatches).toBe(1);
  });
});
