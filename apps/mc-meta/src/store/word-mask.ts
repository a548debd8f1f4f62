/**
 * An image's word mask: one bit per word, at a hash of the word, in 52 bits (a JavaScript number holds them exactly).
 * A keyword walk tests an index entry's mask against the bits of a token's words (one AND) before its words array
 * (a comparison per pair of words): an entry whose mask has none of those bits cannot match and is passed over.
 * Its array is then tested only where the mask lets it through: the matches, and for a token of one word about a
 * fifth of the others (an image's dozen words set about a fifth of the bits). An image stored before masks were
 * kept has -1, every bit set: it passes every mask test and its words decide.
 */
export const MASK_BITS = 52;

/** The bit of a word (FNV-1a over its UTF-16 code units). */
function bitOf(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % MASK_BITS;
}

/** The mask of some words: the OR of their bits, as a non-negative integer below 2^52. */
export function wordMask(words: readonly string[]): number {
  let low = 0; // bits 0-25
  let high = 0; // bits 26-51
  for (const word of words) {
    const bit = bitOf(word);
    if (bit < 26) low |= 1 << bit;
    else high |= 1 << (bit - 26);
  }
  return high * 2 ** 26 + low;
}

/**
 * The mask a walk tests a token's words with, or undefined where it would let most entries through anyway (a token
 * standing for many words sets most bits): then only the words array is tested.
 */
export function tokenMask(words: readonly string[]): number | undefined {
  const mask = wordMask(words);
  let bits = 0;
  for (let rest = mask; rest > 0; rest = Math.floor(rest / 2)) bits += rest % 2;
  return bits <= MASK_BITS / 4 ? mask : undefined;
}
