import { MASK_BITS, tokenMask, wordMask } from './word-mask';

const bits = (mask: number) =>
  BigInt(mask)
    .toString(2)
    .split('')
    .filter((b) => b === '1').length;
const covers = (mask: number, part: number) => (BigInt(mask) & BigInt(part)) === BigInt(part);

describe('wordMask', () => {
  it('sets one bit per word, the same for the same word, within 52 bits', () => {
    const words = ['ubuntu', '22.04', 'jammy', 'x86', '64', 'linux', 'ami', '0ff88c5a1', 'windowsserver', 'a'];
    for (const word of words) {
      const mask = wordMask([word]);
      expect(bits(mask)).toBe(1);
      expect(wordMask([word])).toBe(mask);
      expect(mask).toBeLessThan(2 ** MASK_BITS);
      expect(Number.isSafeInteger(mask)).toBe(true);
    }
    expect(wordMask([])).toBe(0);
  });

  it("is the union of its words' bits: a word's mask is covered by the mask of any list holding it", () => {
    const words = Array.from({ length: 500 }, (_, i) => `w${i}`);
    const all = wordMask(words);
    for (const word of words) expect(covers(all, wordMask([word]))).toBe(true);
    expect(bits(all)).toBeLessThanOrEqual(MASK_BITS);
    // The 500 words spread over (almost) every bit: the hash is not stuck on a few.
    expect(bits(all)).toBeGreaterThanOrEqual(MASK_BITS - 2);
    expect(wordMask(['ubuntu', 'ubuntu'])).toBe(wordMask(['ubuntu']));
  });
});

describe('tokenMask', () => {
  it("is the mask of a token's few words, and none for a token standing for so many that most bits are set", () => {
    expect(tokenMask(['rocky', 'rockylinux'])).toBe(wordMask(['rocky', 'rockylinux']));
    const many = Array.from({ length: 200 }, (_, i) => `word${i}`);
    expect(tokenMask(many)).toBeUndefined();
  });
});
