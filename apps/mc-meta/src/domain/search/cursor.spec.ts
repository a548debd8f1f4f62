import { InvalidArgumentError } from '@cb/errors';
import { decodeCursor, encodeCursor } from './cursor';

describe('cursor', () => {
  it('gives back the sort key it was made from', () => {
    const cursor = encodeCursor('price', [0.2, '42']);
    expect(decodeCursor(cursor, 'price', ['number', 'string'])).toEqual([0.2, '42']);
  });

  it.each([
    ['garbage', '%%%'],
    ['another sort', encodeCursor('vcpu', [4, '1'])],
    ['a wrong shape', encodeCursor('price', ['x', '1'])],
    ['too many values', encodeCursor('price', [1, '1', 3])],
    ['not JSON', Buffer.from('not json').toString('base64url')],
  ])('refuses %s naming the cursor', (_what, cursor) => {
    expect(() => decodeCursor(cursor, 'price', ['number', 'string'])).toThrow(InvalidArgumentError);
    expect(() => decodeCursor(cursor, 'price', ['number', 'string'])).toThrow(/^cursor:/);
  });
});
