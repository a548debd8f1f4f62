import { DRIVER_CONTRACT_VERSION, noCapabilities } from '@cb/driver-sdk';
import { checkDriverName, parseManifest } from './manifest';

const valid = {
  name: 'acme',
  provider: 'ACME',
  version: '1.2.3',
  contractVersion: DRIVER_CONTRACT_VERSION,
  capabilities: noCapabilities(),
};

describe('release manifest', () => {
  it('accepts a complete manifest and lower-cases a declared sha256', () => {
    const sha = 'A'.repeat(64);
    expect(parseManifest(JSON.stringify({ ...valid, sha256: sha }))).toMatchObject({
      name: 'acme',
      sha256: 'a'.repeat(64),
    });
  });

  it.each(['', '.hidden', 'a/b', 'a..b', 'UPPER', 'x'.repeat(64), 'semi;colon'])(
    'refuses the driver name %j',
    (name) => {
      expect(() => checkDriverName(name)).toThrow(/is not a driver name/);
    },
  );

  it('names the field of a bad sha256', () => {
    expect(() => parseManifest(JSON.stringify({ ...valid, sha256: 'abc' }))).toThrow(
      /sha256[\s\S]*64 hex digits|64 hex digits[\s\S]*sha256/,
    );
  });
});
