import { checkCredentialKeys, checkRegionKeys } from './key-value-rules';
import { getCloudOsMetaInfo, listCloudOs } from './cloud-os';

describe('credential keys per provider', () => {
  it('accepts the MOCK key and the mock driver knobs, spelled as Spider spells them', () => {
    expect(
      checkCredentialKeys('MOCK', [
        { Key: 'mockname', Value: 'mock_name00' },
        { Key: 'Profile', Value: 'aws' },
        { Key: 'ImagesPerRegion', Value: '1000' },
        { Key: 'FailOps', Value: 'startVM' },
      ]),
    ).toEqual([
      { Key: 'MockName', Value: 'mock_name00' },
      { Key: 'Profile', Value: 'aws' },
      { Key: 'ImagesPerRegion', Value: '1000' },
      { Key: 'FailOps', Value: 'startVM' },
    ]);
  });

  it("maps a CSP's own key names to Spider's", () => {
    expect(
      checkCredentialKeys('AWS', [
        { Key: 'aws_access_key_id', Value: 'AKIA' },
        { Key: 'aws_secret_access_key', Value: 's' },
      ]).map((kv) => kv.Key),
    ).toEqual(['ClientId', 'ClientSecret']);
  });

  it('names a missing, empty, unknown or repeated key', () => {
    expect(() => checkCredentialKeys('AWS', [{ Key: 'ClientId', Value: 'x' }])).toThrow(
      /needs a non-empty 'ClientSecret'/,
    );
    expect(() => checkCredentialKeys('MOCK', [{ Key: 'MockName', Value: ' ' }])).toThrow(/non-empty 'MockName'/);
    expect(() => checkCredentialKeys('MOCK', [{ Key: 'Colour', Value: 'x' }])).toThrow(
      /KeyValueInfoList\[0\]\.Key: 'Colour' is not a credential key of MOCK/,
    );
    expect(() =>
      checkCredentialKeys('MOCK', [
        { Key: 'MockName', Value: 'a' },
        { Key: 'mockname', Value: 'b' },
      ]),
    ).toThrow(/given twice/);
  });

  it('refuses an unknown provider naming ProviderName', () => {
    expect(() => checkCredentialKeys('NOCLOUD', [])).toThrow(/ProviderName 'NOCLOUD' is not a supported cloud OS/);
  });
});

describe('region keys per provider', () => {
  it('needs Region and accepts Zone, also for MOCK', () => {
    expect(
      checkRegionKeys('MOCK', [
        { Key: 'Region', Value: 'default' },
        { Key: 'zone', Value: 'default-z1' },
      ]),
    ).toEqual([
      { Key: 'Region', Value: 'default' },
      { Key: 'Zone', Value: 'default-z1' },
    ]);
    expect(() => checkRegionKeys('AWS', [{ Key: 'Zone', Value: 'a' }])).toThrow(/needs a non-empty 'Region'/);
  });
});

describe('cloud OS metadata', () => {
  it("lists upstream's cloud OSes and answers [''] for an absent list", () => {
    expect(listCloudOs()).toContain('MOCK');
    expect(listCloudOs()[0]).toBe('AWS');
    const mock = getCloudOsMetaInfo('mock');
    expect(mock.Credential).toEqual(['MockName']);
    expect(mock.Region).toEqual(['Region']);
    expect(mock.RootDiskSize).toEqual(['']);
    expect(() => getCloudOsMetaInfo('NOPE')).toThrow('NOPE: does not exist!');
  });
});
