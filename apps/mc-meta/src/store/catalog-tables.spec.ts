import { imageWords } from './catalog-tables';

describe('imageWords', () => {
  it('splits name, OS, NameId, architecture and platform as keywords are, each word once, in first order', () => {
    const image = {
      IId: { NameId: 'ami-0ff88', SystemId: 'ami-0ff88' },
      Name: 'ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server',
      OSDistribution: 'Ubuntu 22.04 LTS',
      OSArchitecture: 'x86_64',
      OSPlatform: 'Linux/UNIX',
    };
    expect(imageWords(image).join(' ')).toBe(
      'ubuntu images hvm ssd jammy 22.04 amd64 server lts ami 0ff88 x86 64 linux unix',
    );
  });

  it('skips missing fields and writes other values as JSON', () => {
    expect(imageWords({ Name: 'Windows_Server-2022', OSDistribution: null, OSArchitecture: 7 })).toEqual([
      'windows',
      'server',
      '2022',
      '7',
    ]);
    expect(imageWords({})).toEqual([]);
  });

  it('splits as the keyword regular expression does, whatever the letters', () => {
    const bySplit = (text: string) => [...new Set(text.toLowerCase().split(/[^a-z0-9.]+/))].filter(Boolean);
    for (const name of ['Straße-İmage_ÀB 日本 v1..2', '..a..A', '  --x--  ', 'K\u212a-ΣΑΣ k', 'a.b a.b A.B']) {
      expect(imageWords({ Name: name, OSPlatform: 'Linux/UNIX' })).toEqual(bySplit(`${name} Linux/UNIX`));
    }
  });
});
