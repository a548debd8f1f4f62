import { DRIVER_CONTRACT_VERSION, isContractCompatible } from './contract-version';

describe('isContractCompatible', () => {
  it('accepts the current version and older minors of the same major', () => {
    expect(isContractCompatible(DRIVER_CONTRACT_VERSION)).toBe(true);
    expect(isContractCompatible('1.0.0', '1.3.0')).toBe(true);
  });

  it('refuses another major, a newer minor than the runtime knows, and non-semver text', () => {
    expect(isContractCompatible('2.0.0')).toBe(false);
    expect(isContractCompatible('0.9.0')).toBe(false);
    expect(isContractCompatible('1.4.0', '1.3.0')).toBe(false);
    expect(isContractCompatible('v-one')).toBe(false);
  });
});
