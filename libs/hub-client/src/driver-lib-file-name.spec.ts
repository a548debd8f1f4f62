import { hubDriverRefOf } from './driver-lib-file-name';

describe('hubDriverRefOf', () => {
  it('reads upstream-style lib file names as a name and a compatible version range', () => {
    expect(hubDriverRefOf('mock-hub-driver-v1.0.js')).toEqual({ name: 'mock-hub', version: '^1.0' });
    expect(hubDriverRefOf('aws-driver-v2.so')).toEqual({ name: 'aws', version: '^2' });
    expect(hubDriverRefOf('gcp-driver-v1.2.3.mjs')).toEqual({ name: 'gcp', version: '^1.2.3' });
  });

  it('asks for the newest release of any other file name', () => {
    expect(hubDriverRefOf('my-cloud.js')).toEqual({ name: 'my-cloud', version: 'latest' });
  });
});
