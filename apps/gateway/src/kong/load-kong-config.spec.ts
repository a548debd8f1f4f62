import { KongConfigError } from './config-error';
import { compileKongConfig } from './load-kong-config';

const valid = `
_format_version: "3.0"
services:
  - name: spider
    url: http://spider:1024
    routes:
      - name: spider-api
        paths: [/spider]
consumers:
  - username: default
    basicauth_credentials: [{ username: default, password: default }]
plugins:
  - name: cors
  - name: correlation-id
`;

function problemsOf(text: string, options = {}): string {
  try {
    compileKongConfig(text, options);
  } catch (error) {
    expect(error).toBeInstanceOf(KongConfigError);
    return (error as KongConfigError).message;
  }
  throw new Error('the file was accepted');
}

describe('compileKongConfig', () => {
  it('accepts a valid file and fills in Kong defaults', () => {
    const config = compileKongConfig(valid);
    expect(config.routes).toHaveLength(1);
    expect(config.routes[0]).toMatchObject({ stripPath: true, preserveHost: false, pathHandling: 'v0' });
    expect(config.routes[0].service).toMatchObject({ host: 'spider', port: 1024, retries: 5, readTimeoutMs: 60_000 });
  });

  it('names an unknown plugin by its path', () => {
    const text = `${valid}  - name: acme\n`;
    expect(problemsOf(text)).toContain('kong.yml: plugins[2].name: unsupported plugin "acme"');
  });

  it('names an unknown key by its path', () => {
    const text = valid.replace('paths: [/spider]', 'paths: [/spider]\n        pathz: [/x]');
    expect(problemsOf(text)).toBe('kong.yml: services[0].routes[0].pathz: unknown or unsupported key');
  });

  it('names an unknown key inside a plugin config', () => {
    const text = valid.replace('  - name: cors', '  - name: cors\n    config: { origin: ["*"] }');
    expect(problemsOf(text)).toBe('kong.yml: plugins[0].config.origin: unknown or unsupported key');
  });

  it('refuses regex paths clearly rather than matching them differently', () => {
    const text = valid.replace('paths: [/spider]', 'paths: ["~/spider/v[0-9]+$"]');
    expect(problemsOf(text)).toContain('services[0].routes[0].paths[0]: regex paths are not supported');
  });

  it('refuses what it cannot do like Kong: anonymous consumers, shared rate-limit stores', () => {
    const text = `${valid}  - name: basic-auth\n    config: { anonymous: guest }\n  - name: rate-limiting\n    config: { minute: 5, policy: redis }\n`;
    const message = problemsOf(text);
    expect(message).toContain('plugins[2].config.anonymous: anonymous consumers are not supported');
    expect(message).toContain('plugins[3].config.policy: a policy other than "local" is not supported');
  });

  it('requires a rate limit to set a window', () => {
    const text = `${valid}  - name: rate-limiting\n    config: { limit_by: ip }\n`;
    expect(problemsOf(text)).toContain('plugins[2].config: at least one of second, minute, hour or day must be set');
  });

  it('names dangling references and duplicates', () => {
    const text = `${valid}  - name: rate-limiting\n    route: nowhere\n    config: { minute: 5 }\n  - name: cors\n`;
    const message = problemsOf(text);
    expect(message).toContain('plugins[2].route: no route "nowhere" in the file');
    expect(message).toContain('plugins[3]: plugin "cors" is declared twice here');
  });

  it('requires the 3.0 format', () => {
    expect(problemsOf(valid.replace('"3.0"', '"1.1"'))).toContain('_format_version: _format_version must be "3.0"');
  });

  it('reports YAML that does not parse', () => {
    expect(problemsOf('_format_version: "3.0"\nservices: [\n')).toMatch(/^kong\.yml: invalid YAML/);
  });

  it('names an override for a service or consumer that is not in the file', () => {
    const message = problemsOf(valid, {
      upstreamOverrides: { spidr: 'http://127.0.0.1:1024' },
      consumerOverrides: { admin: { basicauthCredentials: [{ username: 'a', password: 'b' }] } },
    });
    expect(message).toContain('upstreamOverrides.spidr: no service "spidr" in the file');
    expect(message).toContain('consumerOverrides.admin: no consumer "admin" in the file');
  });

  it('points a service at its override while keeping its path', () => {
    const text = valid.replace('url: http://spider:1024', 'url: http://spider:1024/base');
    const config = compileKongConfig(text, { upstreamOverrides: { spider: 'http://127.0.0.1:4100' } });
    expect(config.routes[0].service).toMatchObject({ host: '127.0.0.1', port: 4100, path: '/base' });
  });
});
