import { editDistance } from './edit-distance';

describe('editDistance', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect(editDistance('debain', 'debian', 2)).toBe(1);
  });

  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('ubunt', 'ubuntu', 2)).toBe(1);
    expect(editDistance('windos', 'windows', 2)).toBe(1);
    expect(editDistance('rocky', 'rhel', 5)).toBe(4);
    expect(editDistance('same', 'same', 0)).toBe(0);
  });

  it('stops past the bound', () => {
    expect(editDistance('ubuntu', 'windows', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});
