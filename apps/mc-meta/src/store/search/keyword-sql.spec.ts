import { keywordTokens } from './keyword-sql';

describe('keywordTokens', () => {
  it('splits as catalog words are split, keeping versions and dotted names whole', () => {
    expect(keywordTokens('Ubunt 22.04')).toEqual(['ubunt', '22.04']);
    expect(keywordTokens('ubuntu-jammy c5.large')).toEqual(['ubuntu', 'jammy', 'c5.large']);
  });

  it('drops duplicates and empties and keeps at most eight tokens', () => {
    expect(keywordTokens('  a a  ')).toEqual(['a']);
    expect(keywordTokens('1 2 3 4 5 6 7 8 9 10')).toHaveLength(8);
    expect(keywordTokens(undefined)).toEqual([]);
  });
});
