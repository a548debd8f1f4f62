import { CATALOG_TABLES, imageWords } from './catalog-tables';

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

describe('record keys', () => {
  const keyOf = (kind: keyof typeof CATALOG_TABLES, record: unknown) => CATALOG_TABLES[kind].keyOf(record);

  it('key an image by its SystemId, or by its NameId where the SystemId is empty or missing', () => {
    expect(keyOf('images', { IId: { NameId: 'ubuntu-22', SystemId: 'ami-0ff88' } })).toBe('ami-0ff88');
    expect(keyOf('images', { IId: { NameId: 'ubuntu-22', SystemId: '' } })).toBe('ubuntu-22');
    expect(keyOf('images', { IId: { NameId: 'ubuntu-22' } })).toBe('ubuntu-22');
  });

  it('give no key to a record without one, nor where a part of the path is not an object', () => {
    expect(keyOf('images', {})).toBeUndefined();
    expect(keyOf('images', { IId: 'ami-0ff88' })).toBeUndefined();
    expect(keyOf('images', { IId: { NameId: null, SystemId: null } })).toBeUndefined();
    expect(keyOf('specs', { Name: null })).toBeUndefined();
    expect(keyOf('regions', null)).toBeUndefined();
    expect(keyOf('specs', [])).toBeUndefined();
  });

  it('join a price key from the parts the record has, and write values other than strings as JSON', () => {
    const price = {
      ProductFamily: 'Compute',
      ProductInfo: { ProductId: 'p-1' },
      PriceInfo: { OnDemand: { PricingId: 'od-1' } },
      ZoneName: 'zone-a',
    };
    expect(keyOf('prices', price)).toBe('Compute|p-1|od-1|zone-a');
    expect(keyOf('prices', { ...price, ProductInfo: {}, ZoneName: undefined })).toBe('Compute|od-1');
    expect(keyOf('prices', {})).toBe('');
    expect(keyOf('productFamilies', { RegionName: 'us-east-1', Name: 'Compute' })).toBe('us-east-1|Compute');
    expect(keyOf('specs', { Name: 42 })).toBe('42');
  });
});
