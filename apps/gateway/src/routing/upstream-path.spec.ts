import { upstreamPath } from './upstream-path';

// The cases of Kong's own path_handling table (developer docs, "Proxy reference").
describe('upstreamPath', () => {
  const cases: Array<[string | undefined, string, string, 'v0' | 'v1', boolean, string]> = [
    ['/s', '/fv0', '/fv0req', 'v0', true, '/s/req'],
    ['/s', '/fv0/', '/fv0/req', 'v0', true, '/s/req'],
    ['/s', '/fv0', '/fv0req', 'v0', false, '/s/fv0req'],
    ['/s', '/fv1', '/fv1req', 'v1', true, '/sreq'],
    ['/s', '/fv1/', '/fv1/req', 'v1', true, '/sreq'],
    ['/s', '/fv1', '/fv1req', 'v1', false, '/s/fv1req'],
    ['/s/', '/tv0', '/tv0req', 'v0', true, '/s/req'],
    ['/s/', '/tv0/', '/tv0/req', 'v0', true, '/s/req'],
    ['/s/', '/tv0', '/tv0req', 'v0', false, '/s/tv0req'],
    ['/s/', '/tv1', '/tv1req', 'v1', true, '/s/req'],
    ['/s/', '/tv1', '/tv1req', 'v1', false, '/s/tv1req'],
    [undefined, '/spider', '/spider/vm', 'v0', false, '/spider/vm'],
    [undefined, '/spider', '/spider/vm', 'v0', true, '/vm'],
    [undefined, '/spider', '/spider', 'v0', true, '/'],
    ['/api', '/spider', '/spider', 'v0', true, '/api'],
    ['/api', '/spider', '/spider/', 'v0', true, '/api/'],
  ];

  it.each(cases)(
    'service %s, route %s, request %s (%s, strip %s) goes to %s',
    (service, route, request, handling, strip, expected) => {
      expect(
        upstreamPath({
          servicePath: service,
          matchedPrefix: route,
          requestPath: request,
          stripPath: strip,
          pathHandling: handling,
        }),
      ).toBe(expected);
    },
  );
});
